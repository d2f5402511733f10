// The authorization endpoint's rules, one test per rule (OAuth 2.1 §4.1, RFC 6749 §4.1.2.1, §10.12–13):
// nothing unverified is ever redirected to, errors to a verified client carry `state` and `iss`, consent
// is CSRF-protected, cannot be framed, and is remembered per (user, consumer, tenant, scopes).
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  authorize, authorizeQuery, BASE, consentFields, consumerOps, findSecretsInDatabase, getCode, HAS_DB, NEEDS_DB, pkce,
  REDIRECT, registerClient, Secrets, signedInApi, signIn, testIp,
} from "./oauth/helpers";
import { createTenant, createUser, ownerExec, tenantIdOf } from "./oauth/fixtures";

const secrets = new Secrets("authorize");
// Sign-ins and the consumer script are slow on a loaded machine (two workers, Chromium, the server).
test.describe.configure({ timeout: 90_000 });
const LOOPBACK = "http://127.0.0.1:8765/cb";
let clientId: string;
let api: APIRequestContext;

test.beforeAll(async ({ browser }) => {
  const reg = await registerClient({ client_name: "Authorize rules app", redirect_uris: [REDIRECT, LOOPBACK], token_endpoint_auth_method: "none" });
  expect(reg.status).toBe(201);
  clientId = reg.body.client_id;
  api = await signedInApi(browser, "viewer@acme.test");
});
test.afterAll(() => api.dispose());

const get = (query: string) => fetch(`${BASE}/oauth/authorize?${query}`, { redirect: "manual" });
const errorOf = (res: Response) => new URL(res.headers.get("location")!).searchParams;

test.describe("unverified client or redirect URI: an error page, never a redirect", () => {
  const tricks = [
    `${REDIRECT}/`,
    `${REDIRECT}?x=1`,
    "https://CLIENT.example.test/cb",
    "https://client.example.test/CB",
    "https://client.example.test@evil.example/cb",
    "https://evil.example@client.example.test/cb",
    "https://client.example.test/%63b",
    "https://client.example.test/x/../cb",
    "https://client.example.test:8443/cb",
    "http://client.example.test/cb",
    `${REDIRECT}#frag`,
    "http://localhost:8765/cb",
    "http://127.0.0.1:8765/cb/../cb",
  ];
  for (const uri of tricks) {
    test(`redirect_uri ${uri}`, async () => {
      const { challenge } = pkce();
      const res = await get(authorizeQuery({ clientId, challenge, redirectUri: uri }));
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.text()).toContain("has not registered");
    });
  }

  test("a loopback redirect URI may use any port (RFC 8252 §7.3)", async () => {
    const { challenge } = pkce();
    const res = await get(authorizeQuery({ clientId, challenge, redirectUri: "http://127.0.0.1:51234/cb" }));
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/login\?callbackUrl=/);
  });

  test("unknown client", async () => {
    const res = await get(authorizeQuery({ clientId: "fettle_ci_doesnotexist", challenge: pkce().challenge }));
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toContain("unknown or has been disabled");
  });

  test("a client_id metadata document on a loopback address is never fetched in production", async () => {
    const res = await get(authorizeQuery({ clientId: `${BASE}/.well-known/oauth-authorization-server`, challenge: pkce().challenge }));
    expect(res.status).toBe(400);
    const https = await get(authorizeQuery({ clientId: "https://localhost:1/client.json", challenge: pkce().challenge }));
    expect(https.status).toBe(400);
    expect(https.headers.get("location")).toBeNull();
  });

  test("a disabled consumer", async () => {
    test.skip(!HAS_DB, NEEDS_DB);
    const [c] = await consumerOps([
      { op: "create", tenant: "acme", name: "Soon disabled", confidential: false, redirectUris: [REDIRECT], group: "AI connectors" },
      { op: "disable", tenant: "acme", ref: 0 },
    ]);
    const res = await get(authorizeQuery({ clientId: c.clientId, challenge: pkce().challenge }));
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });
});

test.describe("errors after the redirect URI is verified go back to the client with state and iss", () => {
  const cases: [string, Record<string, string>, string][] = [
    ["response_type=token", { response_type: "token" }, "unsupported_response_type"],
    ["no code_challenge", { code_challenge: "" }, "invalid_request"],
    ["code_challenge_method=plain", { code_challenge_method: "plain" }, "invalid_request"],
    ["no code_challenge_method", { code_challenge_method: "" }, "invalid_request"],
    ["a short code_challenge", { code_challenge: "abc" }, "invalid_request"],
    ["an unknown scope", { scope: "workorders:read admin:all" }, "invalid_scope"],
    ["another resource", { resource: "https://evil.example/api/mcp" }, "invalid_target"],
  ];
  for (const [name, override, error] of cases) {
    test(name, async () => {
      const q = new URLSearchParams(authorizeQuery({ clientId, challenge: pkce().challenge, state: "keep-me" }));
      for (const [k, v] of Object.entries(override)) v ? q.set(k, v) : q.delete(k);
      const res = await get(q.toString());
      expect(res.status).toBe(303);
      const location = new URL(res.headers.get("location")!);
      expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
      expect(location.searchParams.get("error")).toBe(error);
      expect(location.searchParams.get("state")).toBe("keep-me");
      expect(location.searchParams.get("iss")).toBe(BASE);
    });
  }
});

test.describe("consent", () => {
  test("not signed in: sign-in first, then back to the request", async () => {
    const res = await get(authorizeQuery({ clientId, challenge: pkce().challenge }));
    expect(res.status).toBe(303);
    const callback = new URL(res.headers.get("location")!, BASE).searchParams.get("callbackUrl")!;
    expect(callback).toMatch(/^\/oauth\/authorize\?/);
    expect(new URLSearchParams(callback.split("?")[1]).get("client_id")).toBe(clientId);
  });

  test("the consent page cannot be framed or cached", async () => {
    const res = await api.get(`/oauth/authorize?${authorizeQuery({ clientId, challenge: pkce().challenge })}`, { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
    expect(res.headers()["cache-control"]).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("Authorize rules app");
    expect(html).toContain("client.example.test");
    expect(html).toContain("Acme Manufacturing");
    expect(html).toContain("Read work orders");
  });

  async function consentForm() {
    const res = await api.get(`/oauth/authorize?${authorizeQuery({ clientId, challenge: pkce().challenge })}`, { maxRedirects: 0 });
    const { fields } = consentFields(await res.text());
    return new URLSearchParams([...fields, ["decision", "approve"]]);
  }
  const post = (form: URLSearchParams, headers: Record<string, string> = {}) =>
    api.post("/oauth/authorize", { data: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, maxRedirects: 0 });

  test("a consent POST without the CSRF token is refused", async () => {
    const form = await consentForm();
    form.delete("csrf_token");
    const res = await post(form);
    expect(res.status()).toBe(403);
    expect(res.headers().location).toBeUndefined();
  });

  test("a consent POST with a forged or foreign token, or from another origin, is refused", async () => {
    const form = await consentForm();
    const good = form.get("csrf_token")!;
    form.set("csrf_token", good.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
    expect((await post(form)).status()).toBe(403);
    form.set("csrf_token", good);
    expect((await post(form, { origin: "https://evil.example" })).status()).toBe(403);
    // The token is bound to the user: signed out, the same form leads to sign-in, not to a code.
    const anonymous = await fetch(`${BASE}/oauth/authorize`, { method: "POST", body: form, redirect: "manual" });
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
  });

  test("deny: access_denied with state and iss", async () => {
    const { location } = await authorize(api, { clientId, challenge: pkce().challenge, state: "deny-state", decision: "deny" });
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("deny-state");
    expect(location.searchParams.get("iss")).toBe(BASE);
    expect(location.searchParams.get("code")).toBeNull();
  });

  test("remembered per (user, consumer, tenant, scopes): same or fewer scopes skip the screen, more do not", async () => {
    const reg = await registerClient({ client_name: "Remembering app", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" });
    const id = reg.body.client_id;
    const first = await authorize(api, { clientId: id, challenge: pkce().challenge, scope: "workorders:read assets:read" });
    expect(first.consent).toBe(true);
    secrets.add(first.location.searchParams.get("code"));
    const same = await authorize(api, { clientId: id, challenge: pkce().challenge, scope: "workorders:read assets:read", state: "again" });
    expect(same.consent).toBe(false);
    expect(same.location.searchParams.get("code")).toBeTruthy();
    expect(same.location.searchParams.get("state")).toBe("again");
    expect(same.location.searchParams.get("iss")).toBe(BASE);
    const fewer = await authorize(api, { clientId: id, challenge: pkce().challenge, scope: "assets:read" });
    expect(fewer.consent).toBe(false);
    const more = await authorize(api, { clientId: id, challenge: pkce().challenge, scope: "assets:read plans:read" });
    expect(more.consent).toBe(true);
    secrets.add(same.location.searchParams.get("code"), fewer.location.searchParams.get("code"), more.location.searchParams.get("code"));
  });

  test("a tenant's consumer cannot be authorized by someone outside that tenant", async ({ browser }) => {
    test.skip(!HAS_DB, NEEDS_DB);
    const [c] = await consumerOps([{ op: "create", tenant: "acme", name: "Acme only", confidential: false, redirectUris: [REDIRECT], group: "AI connectors" }]);
    const globex = await tenantIdOf("globex");
    const outsider = await createUser([{ tenantId: globex, role: "administrator" }]);
    const other = await signedInApi(browser, outsider.email);
    const res = await other.get(`/oauth/authorize?${authorizeQuery({ clientId: c.clientId, challenge: pkce().challenge })}`, { maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(new URL(res.headers().location).searchParams.get("error")).toBe("access_denied");
    // Nor a self-registered client in a tenant that does not allow them.
    const dcr = await other.get(`/oauth/authorize?${authorizeQuery({ clientId, challenge: pkce().challenge })}`, { maxRedirects: 0 });
    expect(new URL(dcr.headers().location).searchParams.get("error")).toBe("access_denied");
    await other.dispose();
  });

  test("a user of several tenants picks the Account, and the grant records it", async ({ browser }) => {
    test.skip(!HAS_DB, NEEDS_DB);
    const tenant = await createTenant("E2E Picker Works");
    const acme = await tenantIdOf("acme");
    const user = await createUser([{ tenantId: acme, role: "technician" }, { tenantId: tenant.id, role: "administrator" }]);
    const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": testIp() } });
    const page = await context.newPage();
    let callback: URL | null = null;
    await page.route(`${REDIRECT}**`, (route) => {
      callback = new URL(route.request().url());
      return route.fulfill({ status: 200, body: "back" });
    });
    await page.goto(`/oauth/authorize?${authorizeQuery({ clientId, challenge: pkce().challenge })}`);
    await signIn(page, user.email);
    const account = page.getByLabel("Account");
    await expect(account).toBeVisible();
    await account.selectOption({ label: "E2E Picker Works" });
    await page.getByRole("button", { name: "Authorize" }).click();
    await expect(page.getByText("back")).toBeVisible({ timeout: 15_000 });
    secrets.add(callback!.searchParams.get("code"));
    const rows = await ownerExec(`SELECT "tenantId" FROM "Authorization" WHERE "userId" = $1`, [user.id]);
    expect(rows).toEqual([{ tenantId: tenant.id }]);
    await context.close();
  });

  test("dynamic permissions: the user ticks what to grant", async () => {
    test.skip(!HAS_DB, NEEDS_DB);
    const [c] = await consumerOps([{ op: "create", tenant: "acme", name: "Pick and choose", confidential: false, redirectUris: [REDIRECT], dynamic: true }]);
    const res = await api.get(`/oauth/authorize?${authorizeQuery({ clientId: c.clientId, challenge: pkce().challenge, scope: "workorders:read assets:read" })}`, { maxRedirects: 0 });
    const html = await res.text();
    expect(html).toContain('type="checkbox" name="grant" value="assets:read"');
    const { code, verifier } = await getCode(api, { clientId: c.clientId, scope: "workorders:read assets:read", grant: ["assets:read"] });
    secrets.add(code);
    const token = await fetch(`${BASE}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT, client_id: c.clientId }),
    });
    const body = await token.json();
    secrets.add(body.access_token, body.refresh_token);
    expect(body.scope).toBe("assets:read");
  });
});

test("the database holds no raw code or token from these tests", async () => {
  test.skip(!HAS_DB, NEEDS_DB);
  expect(await findSecretsInDatabase(secrets.values)).toEqual([]);
});
