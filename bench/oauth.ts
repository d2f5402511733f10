// A connector's way in, over plain HTTP against `next start`: the user signs in through next-auth's
// credentials endpoint (CSRF token + cookie), the browser-side of the authorization endpoint is followed
// by hand (GET → consent form → POST Authorize → 303 to the client with a code), and the client exchanges
// the code with its PKCE verifier at the token endpoint. The same requests a browser and a client make,
// without driving a browser.
import { createHash, randomBytes } from "node:crypto";

export const REDIRECT_URI = "https://connector.bench.test/oauth/callback";

export interface Tokens {
  access: string;
  refresh: string;
  scope: string;
}

/** Cookies as a client keeps them: name → value, updated from each response's Set-Cookie. */
class Jar {
  private readonly cookies = new Map<string, string>();
  constructor(initial = "") {
    for (const pair of initial.split("; ").filter(Boolean)) this.set(pair);
  }
  private set(pair: string) {
    const eq = pair.indexOf("=");
    this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  take(res: Response) {
    for (const line of res.headers.getSetCookie()) this.set(line.split(";")[0]);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(prefix: string) {
    return [...this.cookies.keys()].some((k) => k.includes(prefix));
  }
}

/** GET /api/auth/csrf: the token for the form and the cookie it is checked against (double submit). */
export async function csrf(base: string, ip: string): Promise<{ token: string; cookie: string }> {
  const jar = new Jar();
  const res = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": ip } });
  if (!res.ok) throw new Error(`GET /api/auth/csrf: ${res.status}`);
  jar.take(res);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { token: csrfToken, cookie: jar.header() };
}

export function signInBody(email: string, password: string, csrfToken: string, base: string): string {
  return new URLSearchParams({ email, password, csrfToken, callbackUrl: `${base}/` }).toString();
}

/** A credentials sign-in succeeded when next-auth redirects anywhere but back to the login page with an error. */
export const signInSucceeded = (status: number, location: string | undefined) => status === 302 && !!location && !/[?&]error=/.test(location);

async function signIn(base: string, email: string, password: string, ip: string): Promise<Jar> {
  const form = await csrf(base, ip);
  const jar = new Jar(form.cookie);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), "x-forwarded-for": ip },
    body: signInBody(email, password, form.token, base),
  });
  jar.take(res);
  if (!signInSucceeded(res.status, res.headers.get("location") ?? undefined) || !jar.has("session-token")) {
    throw new Error(`sign-in as ${email} failed: ${res.status} ${res.headers.get("location")}`);
  }
  return jar;
}

const unescapeHtml = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The consent form as a browser would submit it: its hidden fields, the first Account offered, Authorize. */
function consentForm(html: string): URLSearchParams {
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.append(m[1], unescapeHtml(m[2]));
  const firstTenant = /<option value="([^"]+)">/.exec(html)?.[1];
  if (!form.has("tenant") && firstTenant) form.set("tenant", unescapeHtml(firstTenant));
  form.set("decision", "approve");
  return form;
}

function codeFrom(location: string | null): string {
  const code = location ? new URL(location).searchParams.get("code") : null;
  if (!code) throw new Error(`authorization did not return a code: ${location}`);
  return code;
}

export interface Connector {
  clientId: string;
  clientSecret: string | null;
}

/** Sign-in, consent and code exchange: a real access + refresh token pair for `email` and `connector`. */
export async function connect(base: string, email: string, password: string, connector: Connector, scope: string): Promise<Tokens> {
  const ip = `10.250.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  const jar = await signIn(base, email, password, ip);
  const verifier = randomBytes(32).toString("base64url");
  const query = new URLSearchParams({
    response_type: "code",
    client_id: connector.clientId,
    redirect_uri: REDIRECT_URI,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    state: randomBytes(8).toString("hex"),
    resource: `${base}/api/mcp`,
    scope,
  });
  const headers = { cookie: jar.header(), "x-forwarded-for": ip };
  const page = await fetch(`${base}/oauth/authorize?${query}`, { redirect: "manual", headers });
  let location = page.headers.get("location");
  if (page.status === 200) {
    const post = await fetch(`${base}/oauth/authorize`, {
      method: "POST",
      redirect: "manual",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", origin: base },
      body: consentForm(await page.text()).toString(),
    });
    if (post.status !== 303) throw new Error(`consent POST: ${post.status} ${await post.text()}`);
    location = post.headers.get("location");
  } else if (page.status !== 303) {
    throw new Error(`GET /oauth/authorize: ${page.status} ${await page.text()}`);
  }
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code: codeFrom(location),
    code_verifier: verifier,
    redirect_uri: REDIRECT_URI,
    resource: `${base}/api/mcp`,
    client_id: connector.clientId,
    ...(connector.clientSecret ? { client_secret: connector.clientSecret } : {}),
  });
  const res = await fetch(`${base}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
  const json = (await res.json()) as Record<string, string>;
  if (res.status !== 200) throw new Error(`token endpoint: ${res.status} ${JSON.stringify(json)}`);
  return { access: json.access_token, refresh: json.refresh_token, scope: json.scope };
}
