// The whole authorization-code flow as a real client library (oauth4webapi) drives it, with sign-in and
// consent clicked in Chromium: one consumer per client authentication method, then refresh and revoke.
import { expect, test, type Page } from "@playwright/test";
import * as oauth from "oauth4webapi";
import { BASE, consumerOps, findSecretsInDatabase, HAS_DB, NEEDS_DB, RESOURCE, Secrets, signIn, testIp } from "./oauth/helpers";

const REDIRECT = "https://connector.example.test/oauth/callback";
const secrets = new Secrets("flow");
// Sign-ins and the consumer script are slow on a loaded machine (two workers, Chromium, the server).
test.describe.configure({ timeout: 90_000 });
const insecure = { [oauth.allowInsecureRequests]: true };

async function discover() {
  const issuer = new URL(BASE);
  const res = await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure });
  return oauth.processDiscoveryResponse(issuer, res);
}

/** Follows the browser from the authorization URL to the client's redirect URI and returns that URL. */
async function authorizeInBrowser(page: Page, url: URL, email: string, decide: (page: Page) => Promise<void>): Promise<URL> {
  let callback: URL | null = null;
  // The client's redirect URI is not a real site: catch the navigation to it.
  await page.route(`${REDIRECT}**`, (route) => {
    callback = new URL(route.request().url());
    return route.fulfill({ status: 200, contentType: "text/plain", body: "back at the client" });
  });
  await page.goto(url.toString());
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await signIn(page, email);
  await decide(page);
  await expect(page.getByText("back at the client")).toBeVisible({ timeout: 15_000 });
  return callback!;
}

test.describe("authorization code flow with oauth4webapi", () => {
  test.skip(!HAS_DB, NEEDS_DB);
  let created: { basic: { clientId: string; clientSecret: string | null }; post: { clientId: string; clientSecret: string | null }; none: { clientId: string; clientSecret: string | null } };

  test.beforeAll(async () => {
    const [basic, post, none] = await consumerOps(
      (["basic", "post", "none"] as const).map((kind) => ({
        op: "create" as const,
        tenant: "acme",
        name: `E2E ${kind} connector`,
        confidential: kind !== "none",
        redirectUris: [REDIRECT],
        group: "AI connectors",
      })),
    );
    created = { basic, post, none };
    secrets.add(basic.clientSecret, post.clientSecret);
  });

  for (const kind of ["basic", "post", "none"] as const) {
    test(`client_secret_${kind === "none" ? "none (public client)" : kind}: sign in, consent, tokens, refresh, revoke`, async ({ browser }) => {
      const as = await discover();
      expect(as.issuer).toBe(BASE);
      expect(as.code_challenge_methods_supported).toEqual(["S256"]);
      const { clientId, clientSecret } = created[kind];
      const client: oauth.Client = { client_id: clientId };
      const auth =
        kind === "basic" ? oauth.ClientSecretBasic(clientSecret!) : kind === "post" ? oauth.ClientSecretPost(clientSecret!) : oauth.None();

      const verifier = oauth.generateRandomCodeVerifier();
      const state = oauth.generateRandomState();
      const url = new URL(as.authorization_endpoint!);
      url.search = new URLSearchParams({
        client_id: clientId,
        redirect_uri: REDIRECT,
        response_type: "code",
        scope: "workorders:read workorders:write assets:read",
        code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
        code_challenge_method: "S256",
        state,
        resource: RESOURCE,
      }).toString();

      const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": testIp() } });
      const page = await context.newPage();
      const callback = await authorizeInBrowser(page, url, "tech@acme.test", async (p) => {
        await expect(p.getByRole("heading", { name: `Connect E2E ${kind} connector to Fettle` })).toBeVisible();
        await expect(p.getByText("Acme Manufacturing")).toBeVisible();
        await expect(p.getByText("connector.example.test")).toBeVisible();
        await expect(p.getByText("Create and edit work orders")).toBeVisible();
        await p.getByRole("button", { name: "Authorize" }).click();
      });
      await context.close();

      // RFC 9207: validateAuthResponse checks `iss` and `state` for us.
      const params = oauth.validateAuthResponse(as, client, callback, state);
      secrets.add(params.get("code"));
      const codeRes = await oauth.authorizationCodeGrantRequest(as, client, auth, params, REDIRECT, verifier, {
        ...insecure,
        additionalParameters: { resource: RESOURCE },
      });
      expect(codeRes.headers.get("cache-control")).toBe("no-store");
      const tokens = await oauth.processAuthorizationCodeResponse(as, client, codeRes);
      secrets.add(tokens.access_token, tokens.refresh_token);
      expect(tokens.token_type).toBe("bearer");
      expect(tokens.access_token).toMatch(/^fettle_at_/);
      expect(tokens.refresh_token).toMatch(/^fettle_rt_/);
      expect(tokens.scope).toBe("assets:read workorders:read workorders:write");
      expect(tokens.expires_in).toBeGreaterThan(3000);

      const refreshed = await oauth.processRefreshTokenResponse(
        as,
        client,
        await oauth.refreshTokenGrantRequest(as, client, auth, tokens.refresh_token!, insecure),
      );
      secrets.add(refreshed.access_token, refreshed.refresh_token);
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

      await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, auth, refreshed.refresh_token!, insecure));
      const afterRevoke = await oauth.refreshTokenGrantRequest(as, client, auth, refreshed.refresh_token!, insecure);
      await expect(oauth.processRefreshTokenResponse(as, client, afterRevoke)).rejects.toMatchObject({ error: "invalid_grant" });
    });
  }

  test("the database holds no raw secret, code or token from these flows", async () => {
    expect(secrets.values.size).toBeGreaterThan(0);
    expect(await findSecretsInDatabase(secrets.values)).toEqual([]);
  });
});
