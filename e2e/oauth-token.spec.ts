// The token endpoint's rules (RFC 6749 §4.1.3, §5, §6; OAuth 2.1 §4.1.3, §4.3.1): single-use codes bound
// to client, redirect URI and verifier; replay handling; refresh rotation with reuse detection and a grace
// for concurrent refreshes; scope never grows; grants die with the user, membership or consumer.
import { createHash } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  BASE, consumerOps, findSecretsInDatabase, getCode, HAS_DB, NEEDS_DB, REDIRECT, registerClient, RESOURCE, Secrets,
  signedInApi, testIp, tokenCall,
} from "./oauth/helpers";
import { createUser, ownerExec, tenantIdOf } from "./oauth/fixtures";

const secrets = new Secrets("token");
// Sign-ins and the consumer script are slow on a loaded machine (two workers, Chromium, the server).
test.describe.configure({ timeout: 90_000 });
let api: APIRequestContext;
let client: { id: string; secret: string };

async function newConfidentialClient() {
  const reg = await registerClient({
    client_name: "Token rules app",
    redirect_uris: [REDIRECT],
    grant_types: ["authorization_code", "refresh_token"],
    token_endpoint_auth_method: "client_secret_basic",
  });
  expect(reg.status).toBe(201);
  secrets.add(reg.body.client_secret);
  return { id: reg.body.client_id, secret: reg.body.client_secret };
}

test.beforeAll(async ({ browser }) => {
  client = await newConfidentialClient();
  api = await signedInApi(browser, "maria.lopez@acme.test");
});
test.afterAll(() => api.dispose());

async function code(scope?: string, as = api, c = client) {
  const got = await getCode(as, { clientId: c.id, scope });
  secrets.add(got.code);
  return got;
}
const exchange = (c: { code: string; verifier: string }, who = client, extra: Record<string, string> = {}) =>
  tokenCall({ params: { grant_type: "authorization_code", code: c.code, code_verifier: c.verifier, redirect_uri: REDIRECT, ...extra }, basic: [who.id, who.secret] });
const refresh = (token: string, extra: Record<string, string> = {}, who = client) =>
  tokenCall({ params: { grant_type: "refresh_token", refresh_token: token, ...extra }, basic: [who.id, who.secret] });
function keep<T extends { body: Record<string, string> }>(res: T): T {
  secrets.add(res.body.access_token, res.body.refresh_token);
  return res;
}

test.describe("authorization codes", () => {
  test("a wrong verifier or secret is refused, revokes nothing and leaves the code usable", async () => {
    const c = await code();
    const badVerifier = await exchange({ ...c, verifier: "x".repeat(43) });
    expect(badVerifier.status).toBe(400);
    expect(badVerifier.body).toEqual({ error: "invalid_grant", error_description: "Invalid authorization code" });
    const badSecret = await exchange(c, { id: client.id, secret: "fettle_cs_wrong" });
    expect(badSecret.status).toBe(401);
    expect(badSecret.body.error).toBe("invalid_client");
    const missing = await tokenCall({ params: { grant_type: "authorization_code", code: c.code, redirect_uri: REDIRECT }, basic: [client.id, client.secret] });
    expect(missing.body.error).toBe("invalid_request");
    const ok = keep(await exchange(c));
    expect(ok.status).toBe(200);
  });

  test("reuse of a valid code is refused and revokes what it issued", async () => {
    const c = await code();
    const first = keep(await exchange(c));
    expect(first.status).toBe(200);
    const second = await exchange(c);
    expect(second.status).toBe(400);
    expect(second.body.error).toBe("invalid_grant");
    expect((await refresh(first.body.refresh_token)).body.error).toBe("invalid_grant");
  });

  test("a code is bound to its client and redirect URI", async () => {
    const c = await code();
    const other = await newConfidentialClient();
    expect((await exchange(c, other)).body.error).toBe("invalid_grant");
    expect((await exchange(c, client, { redirect_uri: `${REDIRECT}/` })).body.error).toBe("invalid_grant");
    expect((await exchange(c, client, { resource: "https://evil.example/api/mcp" })).body.error).toBe("invalid_target");
    expect(keep(await exchange(c, client, { resource: RESOURCE })).status).toBe(200);
  });

  test("an expired code is refused", async () => {
    test.skip(!HAS_DB, NEEDS_DB);
    const c = await code();
    const hash = createHash("sha256").update(c.code).digest("hex");
    await ownerExec(`UPDATE "AuthorizationCode" SET "expiresAt" = now() - interval '1 second' WHERE "codeHash" = $1`, [hash]);
    expect((await exchange(c)).body.error).toBe("invalid_grant");
  });

  test("20 parallel redemptions: exactly one succeeds, and the replays revoke its tokens", async () => {
    const c = await code();
    const results = await Promise.all(Array.from({ length: 20 }, () => exchange(c)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    // The others are refused as replays (or, on a machine short of connections, told to come back: 503).
    expect(results.filter((r) => r.status !== 200).map((r) => r.body.error).filter((e) => e !== "invalid_grant" && e !== "temporarily_unavailable")).toEqual([]);
    expect(results.filter((r) => r.status === 400).length).toBeGreaterThan(0);
    keep(ok[0]);
    expect((await refresh(ok[0].body.refresh_token)).body.error).toBe("invalid_grant");
  });
});

test.describe("refresh tokens", () => {
  test("rotation, then reuse of a superseded token revokes the whole family", async () => {
    const t1 = keep(await exchange(await code())).body;
    const t2 = keep(await refresh(t1.refresh_token)).body;
    expect(t2.refresh_token).not.toBe(t1.refresh_token);
    const t3 = keep(await refresh(t2.refresh_token)).body;
    expect(t3.access_token).toBeTruthy();
    // t2 was used, so t1 is superseded: presenting it again is theft.
    const reuse = await refresh(t1.refresh_token);
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe("invalid_grant");
    expect((await refresh(t3.refresh_token)).body.error).toBe("invalid_grant");
    if (HAS_DB) {
      const hash = createHash("sha256").update(t3.access_token).digest("hex");
      const [row] = await ownerExec(`SELECT "revokedAt" FROM "AccessToken" WHERE "tokenHash" = $1`, [hash]);
      expect((row as { revokedAt: Date | null }).revokedAt).not.toBeNull();
      const audit = await ownerExec(`SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'oauth.refresh.reuse_detected' AND "consumerId" = (SELECT id FROM "OAuthConsumer" WHERE "clientId" = $1)`, [client.id]);
      expect(audit).toEqual([{ n: 1 }]);
    }
  });

  test("concurrent refreshes with one token both succeed (grace until a successor is used)", async () => {
    const t1 = keep(await exchange(await code())).body;
    const [a, b] = await Promise.all([refresh(t1.refresh_token), refresh(t1.refresh_token)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    keep(a);
    keep(b);
    // The client kept b: using it supersedes t1 and retires the unused sibling a.
    const c = keep(await refresh(b.body.refresh_token));
    expect(c.status).toBe(200);
    expect((await refresh(a.body.refresh_token)).body.error).toBe("invalid_grant");
    expect((await refresh(t1.refresh_token)).body.error).toBe("invalid_grant");
    expect((await refresh(c.body.refresh_token)).body.error).toBe("invalid_grant");
  });

  test("scope can shrink for an access token but never grow", async () => {
    const t1 = keep(await exchange(await code("workorders:read assets:read"))).body;
    expect(t1.scope).toBe("assets:read workorders:read");
    const grow = await refresh(t1.refresh_token, { scope: "workorders:read workorders:write" });
    expect(grow.status).toBe(400);
    expect(grow.body.error).toBe("invalid_scope");
    const shrink = keep(await refresh(t1.refresh_token, { scope: "assets:read" }));
    expect(shrink.body.scope).toBe("assets:read");
    // The new refresh token keeps the original grant (RFC 6749 §6).
    const again = keep(await refresh(shrink.body.refresh_token));
    expect(again.body.scope).toBe("assets:read workorders:read");
  });

  test("refresh fails once the token is revoked", async () => {
    const t1 = keep(await exchange(await code())).body;
    const res = await tokenCall({ path: "/api/oauth/revoke", params: { token: t1.refresh_token }, basic: [client.id, client.secret] });
    expect(res.status).toBe(200);
    expect((await refresh(t1.refresh_token)).body.error).toBe("invalid_grant");
  });

  test.describe("the grant ends with the user's account, membership or role", () => {
    test.skip(!HAS_DB, NEEDS_DB);
    for (const change of ["deactivated", "removed from the tenant", "demoted to a role with no right left"] as const) {
      test(`user ${change}`, async ({ browser }) => {
        const acme = await tenantIdOf("acme");
        const user = await createUser([{ tenantId: acme, role: "technician" }]);
        const userApi = await signedInApi(browser, user.email);
        const t1 = keep(await exchange(await code("workorders:read", userApi))).body;
        expect(keep(await refresh(t1.refresh_token)).status).toBe(200);
        const t2 = keep(await refresh(t1.refresh_token)).body;
        if (change === "deactivated") await ownerExec(`UPDATE "User" SET active = false WHERE id = $1`, [user.id]);
        else if (change === "removed from the tenant") await ownerExec(`DELETE FROM "Membership" WHERE "userId" = $1`, [user.id]);
        else {
          await ownerExec(
            `UPDATE "Membership" SET "roleId" = (SELECT id FROM "Role" WHERE "tenantId" = $2 AND "builtIn" = 'requester') WHERE "userId" = $1`,
            [user.id, acme],
          );
        }
        expect((await refresh(t2.refresh_token)).body.error).toBe("invalid_grant");
        await userApi.dispose();
      });
    }
  });

  test("refresh fails once the consumer is disabled or deleted", async () => {
    test.skip(!HAS_DB, NEEDS_DB);
    const [a, b] = await consumerOps(
      ["to disable", "to delete"].map((name) => ({ op: "create" as const, tenant: "acme", name, confidential: true, redirectUris: [REDIRECT], group: "AI connectors" })),
    );
    secrets.add(a.clientSecret, b.clientSecret);
    for (const [c, op] of [[a, "disable"], [b, "delete"]] as const) {
      const who = { id: c.clientId, secret: c.clientSecret! };
      const t1 = keep(await exchange(await code(undefined, api, who), who)).body;
      await consumerOps([{ op, tenant: "acme", id: c.id }]);
      const res = await refresh(t1.refresh_token, {}, who);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe("invalid_client");
    }
  });
});

test.describe("client authentication", () => {
  const grant = { grant_type: "refresh_token", refresh_token: "fettle_rt_unknown" };
  const raw = (headers: Record<string, string>, body: string) =>
    fetch(`${BASE}/api/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });

  test("basic and post at once, mismatched ids, malformed Basic headers: 401 invalid_client, never a 500", async () => {
    const both = await tokenCall({ params: { ...grant, client_secret: client.secret }, basic: [client.id, client.secret] });
    expect(both.status).toBe(401);
    expect(both.headers.get("www-authenticate")).toMatch(/^Basic /);
    const mismatch = await tokenCall({ params: { ...grant, client_id: "someone-else" }, basic: [client.id, client.secret] });
    expect(mismatch.status).toBe(401);
    const body = new URLSearchParams(grant).toString();
    for (const header of ["Basic", "Basic !!!", `Basic ${Buffer.from("no-colon").toString("base64")}`, `Basic ${Buffer.from("%zz:%zz").toString("base64")}`, "Bearer abc", `Basic ${Buffer.from(":").toString("base64")}`]) {
      const res = await raw({ authorization: header }, body);
      expect(res.status, header).toBe(401);
      expect((await res.json()).error, header).toBe("invalid_client");
    }
  });

  test("unknown client, missing secret, a secret from a public client: 401 invalid_client", async () => {
    expect((await tokenCall({ params: { ...grant, client_id: "fettle_ci_nobody", client_secret: "x" } })).status).toBe(401);
    expect((await tokenCall({ params: { ...grant, client_id: client.id } })).status).toBe(401);
    const pub = await registerClient({ redirect_uris: [REDIRECT], token_endpoint_auth_method: "none" });
    expect((await tokenCall({ params: { ...grant, client_id: pub.body.client_id, client_secret: "anything" } })).status).toBe(401);
    expect((await tokenCall({ params: { ...grant } })).status).toBe(401);
  });

  test("malformed requests get RFC 6749 errors with no-store, never a stack trace", async () => {
    const auth = { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString("base64")}` };
    const json = await fetch(`${BASE}/api/oauth/token`, { method: "POST", headers: { "content-type": "application/json", ...auth }, body: "{}" });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: "invalid_request" });
    const repeated = await raw(auth, "grant_type=refresh_token&grant_type=refresh_token&refresh_token=x");
    expect((await repeated.json()).error).toBe("invalid_request");
    const unsupported = await raw(auth, "grant_type=password&username=a&password=b");
    expect(await unsupported.json()).toEqual({ error: "unsupported_grant_type" });
    expect(unsupported.headers.get("cache-control")).toBe("no-store");
    expect(unsupported.headers.get("pragma")).toBe("no-cache");
    const notAllowed = await raw(auth, "grant_type=client_credentials");
    expect((await notAllowed.json()).error).toBe("unauthorized_client");
  });

  test("brute force on one client's secret: 429 with Retry-After", async () => {
    test.setTimeout(90_000);
    const target = await newConfidentialClient();
    // Counters use fixed one-minute windows: start well inside one, so the burst cannot straddle two.
    const into = Date.now() % 60_000;
    if (into > 45_000) await new Promise((r) => setTimeout(r, 60_500 - into));
    // Ten guesses at a time, as a brute-forcer would pace itself; the limit is per client, not per address.
    const statuses: number[] = [];
    for (let i = 0; i < 13 && !statuses.includes(429); i++) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => tokenCall({ params: grant, basic: [target.id, "fettle_cs_guess"], ip: testIp() })));
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(120);
    expect(statuses).toContain(429);
    const blocked = await tokenCall({ params: grant, basic: [target.id, target.secret] });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.body.error).toBe("temporarily_unavailable");
  });
});

test.describe("client credentials", () => {
  test.skip(!HAS_DB, NEEDS_DB);
  test("a confidential tenant consumer gets a token with its group, and no refresh token", async () => {
    const [c] = await consumerOps([{ op: "create", tenant: "acme", name: "Nightly sync", confidential: true, redirectUris: [], group: "AI connectors", clientCredentials: true }]);
    secrets.add(c.clientSecret);
    const res = keep(await tokenCall({ params: { grant_type: "client_credentials", scope: "workorders:read" }, basic: [c.clientId, c.clientSecret!] }));
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe("workorders:read");
    expect(res.body.refresh_token).toBeUndefined();
    const all = keep(await tokenCall({ params: { grant_type: "client_credentials" }, basic: [c.clientId, c.clientSecret!] }));
    expect(all.body.scope).toContain("inventory:write");
    const [rotated] = (await consumerOps([{ op: "rotate", tenant: "acme", id: c.id }])) as unknown as { clientSecret: string }[];
    secrets.add(rotated.clientSecret);
    expect((await tokenCall({ params: { grant_type: "client_credentials" }, basic: [c.clientId, c.clientSecret!] })).status).toBe(401);
    expect(keep(await tokenCall({ params: { grant_type: "client_credentials" }, basic: [c.clientId, rotated.clientSecret] })).status).toBe(200);
  });
});

test("the database holds no raw secret, code or token from these tests", async () => {
  test.skip(!HAS_DB, NEEDS_DB);
  expect(secrets.values.size).toBeGreaterThan(0);
  expect(await findSecretsInDatabase(secrets.values)).toEqual([]);
});
