// Discovery (RFC 8414), Dynamic Client Registration (RFC 7591) as Claude and ChatGPT use it, and
// revocation (RFC 7009): what a client sees before and after it holds tokens.
import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  BASE, findSecretsInDatabase, getCode, HAS_DB, NEEDS_DB, REDIRECT, registerClient, RESOURCE, Secrets, signedInApi,
  testIp, tokenCall,
} from "./oauth/helpers";
import { ownerExec } from "./oauth/fixtures";

const secrets = new Secrets("register");
// Sign-ins and the consumer script are slow on a loaded machine (two workers, Chromium, the server).
test.describe.configure({ timeout: 90_000 });

test.describe("metadata", () => {
  test("RFC 8414 document with the issuer exactly, S256 only, iss responses, CORS", async () => {
    const res = await fetch(`${BASE}/.well-known/oauth-authorization-server`, { headers: { origin: "https://claude.ai" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const meta = await res.json();
    expect(meta).toMatchObject({
      issuer: BASE,
      authorization_endpoint: `${BASE}/oauth/authorize`,
      token_endpoint: `${BASE}/api/oauth/token`,
      revocation_endpoint: `${BASE}/api/oauth/revoke`,
      registration_endpoint: `${BASE}/api/oauth/register`,
      code_challenge_methods_supported: ["S256"],
      authorization_response_iss_parameter_supported: true,
      client_id_metadata_document_supported: true,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    });
    expect(meta.scopes_supported).toContain("workorders:write");
    expect(meta.scopes_supported).not.toContain("metrics:write");
    const preflight = await fetch(`${BASE}/api/oauth/token`, { method: "OPTIONS", headers: { origin: "https://inspector.example", "access-control-request-method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
  });
});

test.describe("dynamic client registration", () => {
  test("what Claude sends: a confidential client, secret shown once", async () => {
    const res = await registerClient({
      client_name: "Claude",
      redirect_uris: ["https://claude.ai/api/mcp/auth_callback"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
      scope: "workorders:read",
    });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({
      client_name: "Claude",
      redirect_uris: ["https://claude.ai/api/mcp/auth_callback"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
      client_secret_expires_at: 0,
    });
    expect(res.body.client_secret).toMatch(/^fettle_cs_/);
    secrets.add(res.body.client_secret);
  });

  test("what ChatGPT sends: a public client with PKCE only, extra metadata ignored", async () => {
    const res = await registerClient({
      client_name: "ChatGPT",
      redirect_uris: ["https://chatgpt.com/connector_platform_oauth_redirect"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      client_uri: "https://chatgpt.com",
      logo_uri: "https://chatgpt.com/logo.png",
      contacts: ["support@example.com"],
    });
    expect(res.status).toBe(201);
    expect(res.body.client_secret).toBeUndefined();
    expect(res.body.token_endpoint_auth_method).toBe("none");
  });

  test("client_secret_basic, and the RFC 7591 defaults", async () => {
    const res = await registerClient({ redirect_uris: ["http://127.0.0.1:33418/callback"] });
    expect(res.status).toBe(201);
    expect(res.body.token_endpoint_auth_method).toBe("client_secret_basic");
    expect(res.body.grant_types).toEqual(["authorization_code"]);
    secrets.add(res.body.client_secret);
  });

  for (const uri of ["javascript:alert(1)", "data:text/html,hi", "http://client.example.test/cb", "https://client.example.test/cb#x", "/relative", "https://user:pw@client.example.test/cb"]) {
    test(`redirect URI ${uri} is refused`, async () => {
      const res = await registerClient({ redirect_uris: [uri], token_endpoint_auth_method: "none" });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe("invalid_redirect_uri");
    });
  }

  test("metadata outside what is supported is refused", async () => {
    for (const body of [
      { redirect_uris: [REDIRECT], response_types: ["token"] },
      { redirect_uris: [REDIRECT], grant_types: ["client_credentials"] },
      { redirect_uris: [REDIRECT], token_endpoint_auth_method: "private_key_jwt" },
      { redirect_uris: [] },
    ]) {
      const res = await registerClient(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(["invalid_client_metadata", "invalid_redirect_uri"]).toContain(res.body.error);
    }
    const notJson = await fetch(`${BASE}/api/oauth/register`, { method: "POST", headers: { "content-type": "text/plain", "x-forwarded-for": testIp() }, body: "hi" });
    expect(notJson.status).toBe(400);
  });

  test("rate-limited per address, allowing a burst", async () => {
    const into = Date.now() % 60_000;
    if (into > 50_000) await new Promise((r) => setTimeout(r, 60_500 - into));
    const ip = testIp();
    const results = [];
    for (let i = 0; i < 22; i++) results.push(await registerClient({ redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" }, ip));
    expect(results.slice(0, 20).every((r) => r.status === 201)).toBe(true);
    const limited = results[21];
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is unaffected.
    expect((await registerClient({ redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" })).status).toBe(201);
  });
});

test.describe("revocation", () => {
  let api: APIRequestContext;
  let a: { id: string; secret: string };
  let b: { id: string; secret: string };
  test.beforeAll(async ({ browser }) => {
    api = await signedInApi(browser, "priya.nair@acme.test");
    for (const name of ["Revoker A", "Revoker B"]) {
      const reg = await registerClient({ client_name: name, redirect_uris: [REDIRECT], grant_types: ["authorization_code", "refresh_token"] });
      secrets.add(reg.body.client_secret);
      if (name.endsWith("A")) a = { id: reg.body.client_id, secret: reg.body.client_secret };
      else b = { id: reg.body.client_id, secret: reg.body.client_secret };
    }
  });
  test.afterAll(() => api.dispose());

  async function tokensFor(who: { id: string; secret: string }) {
    const { code, verifier } = await getCode(api, { clientId: who.id });
    const res = await tokenCall({ params: { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT, resource: RESOURCE }, basic: [who.id, who.secret] });
    expect(res.status).toBe(200);
    secrets.add(code, res.body.access_token, res.body.refresh_token);
    return res.body;
  }
  const revoke = (who: { id: string; secret: string }, token: string, hint?: string) =>
    tokenCall({ path: "/api/oauth/revoke", params: { token, ...(hint ? { token_type_hint: hint } : {}) }, basic: [who.id, who.secret] });
  const refresh = (who: { id: string; secret: string }, token: string) =>
    tokenCall({ params: { grant_type: "refresh_token", refresh_token: token }, basic: [who.id, who.secret] });
  const accessRevoked = async (token: string) => {
    const [row] = await ownerExec(`SELECT "revokedAt" FROM "AccessToken" WHERE "tokenHash" = $1`, [createHash("sha256").update(token).digest("hex")]);
    return (row as { revokedAt: Date | null }).revokedAt !== null;
  };

  test("an unknown token gets 200; client authentication is still required", async () => {
    expect((await revoke(a, "fettle_rt_nothing-like-this")).status).toBe(200);
    const anonymous = await tokenCall({ path: "/api/oauth/revoke", params: { token: "x" } });
    expect(anonymous.status).toBe(401);
    expect((await revoke({ id: a.id, secret: "wrong" }, "x")).status).toBe(401);
  });

  test("a client cannot revoke another client's tokens", async () => {
    const tokens = await tokensFor(a);
    expect((await revoke(b, tokens.refresh_token)).status).toBe(200);
    expect((await revoke(b, tokens.access_token)).status).toBe(200);
    const still = await refresh(a, tokens.refresh_token);
    expect(still.status).toBe(200);
    secrets.add(still.body.access_token, still.body.refresh_token);
    if (HAS_DB) expect(await accessRevoked(tokens.access_token)).toBe(false);
  });

  test("revoking a refresh token kills its family and the live access tokens", async () => {
    test.skip(!HAS_DB, NEEDS_DB);
    const tokens = await tokensFor(a);
    const next = await refresh(a, tokens.refresh_token);
    secrets.add(next.body.access_token, next.body.refresh_token);
    expect((await revoke(a, next.body.refresh_token, "refresh_token")).status).toBe(200);
    expect(await accessRevoked(tokens.access_token)).toBe(true);
    expect(await accessRevoked(next.body.access_token)).toBe(true);
    expect((await refresh(a, tokens.refresh_token)).body.error).toBe("invalid_grant");
  });

  test("revoking an access token revokes only that token", async () => {
    test.skip(!HAS_DB, NEEDS_DB);
    const tokens = await tokensFor(a);
    expect((await revoke(a, tokens.access_token, "access_token")).status).toBe(200);
    expect(await accessRevoked(tokens.access_token)).toBe(true);
    const still = await refresh(a, tokens.refresh_token);
    expect(still.status).toBe(200);
    secrets.add(still.body.access_token, still.body.refresh_token);
  });
});

test("the database holds no raw secret, code or token from these tests", async () => {
  test.skip(!HAS_DB, NEEDS_DB);
  expect(await findSecretsInDatabase(secrets.values)).toEqual([]);
});
