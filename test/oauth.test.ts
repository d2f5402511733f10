// OAuth persistence against the real database (PostgreSQL or PGlite): the bearer check the MCP endpoint
// runs on every call, consumer administration, authorization revocation from settings, pruning of
// self-registered clients and metadata-document fetching. Tokens come from the real token endpoint code.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConsumer, deleteConsumer, listConsumers, rotateConsumerSecret, setConsumerDisabled } from "@/lib/data/consumers";
import { registerClient } from "@/lib/data/oauth-clients";
import { listAuthorizations, revokeAuthorization } from "@/lib/data/oauth-grants";
import { db } from "@/lib/db/client";
import { resolveMetadataClient } from "@/lib/oauth/cimd";
import { resourceIdentifier } from "@/lib/oauth/config";
import { handleTokenRequest } from "@/lib/oauth/token";
import { sha256 } from "@/lib/oauth/tokens";
import { authenticateAccessToken, tokenPermissions } from "@/lib/oauth/verify";
import type { Access } from "@/lib/tenancy";
import { basicHeaders, connect, ctx, loadOauthContext, newConsumer, newUser, owner } from "./oauth-fixtures";

let acme: typeof ctx.acme;
let admin: Access;
let viewer: Access;
beforeAll(async () => {
  await loadOauthContext();
  ({ acme, admin, viewer } = ctx);
});

afterAll(async () => {
  await (await db()).$disconnect();
});

describe("authenticateAccessToken", () => {
  it("returns the token's context, and null for anything unknown or malformed", async () => {
    const c = await newConsumer("Verify app");
    const userId = await newUser();
    const tokens = await connect(userId, c);
    const context = await authenticateAccessToken(tokens.access_token);
    expect(context).toMatchObject({ tenantId: acme.id, userId, consumerId: c.id, scopes: ["assets:read", "workorders:read"], resource: resourceIdentifier() });
    expect(context!.authorizationId).toBeTruthy();
    expect(context!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    // AI connectors (read + write, no delete) ∩ Technician ∩ the two read scopes.
    expect([...(await tokenPermissions(context!))].sort()).toEqual(["assets:view", "workorders:view"]);
    expect(await authenticateAccessToken(tokens.refresh_token)).toBeNull();
    // One character changed (a token that already ends in "A" gets a "B": 1 run in 64 used to pass the real token).
    const altered = `${tokens.access_token.slice(0, -1)}${tokens.access_token.endsWith("A") ? "B" : "A"}`;
    expect(await authenticateAccessToken(altered)).toBeNull();
    expect(await authenticateAccessToken("")).toBeNull();
  });

  it("is null once expired, revoked, disabled, deactivated or no longer a member", async () => {
    const c = await newConsumer("Lifecycle app");
    const cases: [string, (userId: string, token: string) => Promise<unknown>][] = [
      ["expired", (_u, token) => owner.query(`UPDATE "AccessToken" SET "expiresAt" = now() - interval '1 second' WHERE "tokenHash" = $1`, [sha256(token)])],
      ["token revoked", (_u, token) => owner.query(`UPDATE "AccessToken" SET "revokedAt" = now() WHERE "tokenHash" = $1`, [sha256(token)])],
      ["user inactive", (u) => owner.query(`UPDATE "User" SET active = false WHERE id = $1`, [u])],
      ["membership inactive", (u) => owner.query(`UPDATE "Membership" SET active = false WHERE "userId" = $1`, [u])],
      ["membership removed", (u) => owner.query(`DELETE FROM "Membership" WHERE "userId" = $1`, [u])],
    ];
    for (const [name, change] of cases) {
      const userId = await newUser();
      const { access_token } = await connect(userId, c);
      expect(await authenticateAccessToken(access_token), name).not.toBeNull();
      await change(userId, access_token);
      expect(await authenticateAccessToken(access_token), name).toBeNull();
    }
  });

  it("follows the consumer: disabled → null, enabled → valid again, deleted → gone", async () => {
    const c = await newConsumer("Toggle app");
    const { access_token, refresh_token } = await connect(await newUser(), c);
    await setConsumerDisabled(admin, c.id, true);
    expect(await authenticateAccessToken(access_token)).toBeNull();
    await setConsumerDisabled(admin, c.id, false);
    expect(await authenticateAccessToken(access_token)).not.toBeNull();
    await deleteConsumer(admin, c.id);
    expect(await authenticateAccessToken(access_token)).toBeNull();
    const [{ n }] = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM "RefreshToken" WHERE "tokenHash" = $1`, [sha256(refresh_token)]);
    expect(n).toBe(0);
  });

  it("revoking the authorization (Settings) kills access and refresh at once", async () => {
    const c = await newConsumer("Revoked app");
    const userId = await newUser();
    const tokens = await connect(userId, c);
    const listed = await listAuthorizations(admin);
    const mine = listed.find((a) => a.user.id === userId)!;
    expect(mine.consumer.name).toBe("Revoked app");
    await expect(revokeAuthorization(viewer, mine.id)).rejects.toMatchObject({ code: "forbidden" });
    await revokeAuthorization(admin, mine.id);
    expect(await authenticateAccessToken(tokens.access_token)).toBeNull();
    const refresh = handleTokenRequest({ grant_type: "refresh_token", refresh_token: tokens.refresh_token }, basicHeaders(c.clientId, c.secret!), null);
    await expect(refresh).rejects.toMatchObject({ code: "invalid_grant" });
    const audit = await owner.query(`SELECT action FROM "AuditLog" WHERE "entityId" = $1 ORDER BY at`, [mine.id]);
    expect(audit.map((r) => (r as { action: string }).action)).toEqual(["oauth.consent.grant", "oauth.token.issue", "oauth.authorization.revoke"]);
  });

  it("marks the authorization used at most once a minute", async () => {
    const c = await newConsumer("Usage app");
    const { access_token } = await connect(await newUser(), c);
    const context = await authenticateAccessToken(access_token);
    const read = async () => (await owner.query<{ lastUsedAt: Date }>(`SELECT "lastUsedAt" FROM "Authorization" WHERE id = $1`, [context!.authorizationId]))[0].lastUsedAt;
    await owner.query(`UPDATE "Authorization" SET "lastUsedAt" = now() - interval '30 seconds' WHERE id = $1`, [context!.authorizationId]);
    const before = await read();
    await authenticateAccessToken(access_token);
    expect((await read()).getTime()).toBe(before.getTime());
    await owner.query(`UPDATE "Authorization" SET "lastUsedAt" = now() - interval '2 minutes' WHERE id = $1`, [context!.authorizationId]);
    await authenticateAccessToken(access_token);
    expect(Date.now() - (await read()).getTime()).toBeLessThan(10_000);
  });

  it("serves client-credentials tokens (no user, no authorization)", async () => {
    const { consumer, clientSecret } = await createConsumer(admin, { name: "Machine", confidential: true, clientCredentials: true, permissionGroupId: acme.groupId });
    const res = await handleTokenRequest({ grant_type: "client_credentials", scope: "metrics:read" }, basicHeaders(consumer.clientId, clientSecret!), null);
    const { access_token } = await res.json();
    const context = await authenticateAccessToken(access_token);
    expect(context).toMatchObject({ userId: null, authorizationId: null, consumerId: consumer.id, scopes: ["metrics:read"] });
    expect([...(await tokenPermissions(context!))]).toEqual(["metrics:view"]);
  });
});

describe("consumer administration", () => {
  it("shows the secret once, stores only its slow hash, and rotates it", async () => {
    const { consumer, clientSecret } = await createConsumer(admin, { name: "Admin-made", confidential: true, redirectUris: ["https://client.example/cb"], permissionGroupId: acme.groupId });
    expect(clientSecret).toMatch(/^fettle_cs_[A-Za-z0-9_-]{43}$/);
    expect(consumer).not.toHaveProperty("secretHash");
    expect(consumer.confidential).toBe(true);
    const [row] = await owner.query<{ secretHash: string }>(`SELECT "secretHash" FROM "OAuthConsumer" WHERE id = $1`, [consumer.id]);
    expect(row.secretHash).toMatch(/^scrypt\$/);
    expect(row.secretHash).not.toContain(clientSecret);
    const listed = await listConsumers(admin);
    expect(JSON.stringify(listed)).not.toContain("scrypt$");
    const { clientSecret: rotated } = await rotateConsumerSecret(admin, consumer.id);
    expect(rotated).not.toBe(clientSecret);
    await expect(handleTokenRequest({ grant_type: "client_credentials" }, basicHeaders(consumer.clientId, clientSecret!), null)).rejects.toMatchObject({ code: "invalid_client" });
    const audit = await owner.query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "entityId" = $1 ORDER BY at`, [consumer.id]);
    expect(audit.map((r) => r.action)).toEqual(["oauth.consumer.create", "oauth.consumer.rotate_secret"]);
  });

  it("is for admins of the tenant only, and validates input", async () => {
    await expect(listConsumers(viewer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(createConsumer(viewer, { name: "x", redirectUris: ["https://a.example/cb"], permissionGroupId: acme.groupId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createConsumer(admin, { name: "x", redirectUris: ["javascript:alert(1)"], permissionGroupId: acme.groupId })).rejects.toMatchObject({ code: "invalid" });
    await expect(createConsumer(admin, { name: "x", redirectUris: ["https://a.example/cb"], permissionGroupId: "not-a-group" })).rejects.toMatchObject({ code: "not_found" });
    const [globex] = await owner.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'globex'`);
    const globexAdmin = { ...admin, tenantId: globex.id };
    const c = await newConsumer("Acme's own");
    await expect(setConsumerDisabled(globexAdmin, c.id, true)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteConsumer(globexAdmin, c.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await listConsumers(globexAdmin)).map((x) => x.id)).not.toContain(c.id);
  });
});

describe("self-registered clients", () => {
  it("prunes registrations nobody used for 30 days", async () => {
    const old = await registerClient({ clientId: "fettle_ci_old", secretHash: null, name: "Old", redirectUris: ["https://a.example/cb"], grantTypes: ["authorization_code"] });
    const used = await registerClient({ clientId: "fettle_ci_used", secretHash: null, name: "Used", redirectUris: ["https://a.example/cb"], grantTypes: ["authorization_code"] });
    await owner.query(`UPDATE "OAuthConsumer" SET "createdAt" = now() - interval '31 days' WHERE id IN ($1, $2)`, [old.id, used.id]);
    await owner.query(`UPDATE "OAuthConsumer" SET "lastUsedAt" = now() - interval '2 days' WHERE id = $1`, [used.id]);
    await registerClient({ clientId: "fettle_ci_new", secretHash: null, name: "New", redirectUris: ["https://a.example/cb"], grantTypes: ["authorization_code"] });
    const left = await owner.query<{ clientId: string }>(`SELECT "clientId" FROM "OAuthConsumer" WHERE "clientId" IN ('fettle_ci_old', 'fettle_ci_used', 'fettle_ci_new') ORDER BY 1`);
    expect(left.map((r) => r.clientId)).toEqual(["fettle_ci_new", "fettle_ci_used"]);
  });
});

describe("client ID metadata documents", () => {
  let server: Server;
  let base: string;
  let hits = 0;
  const docs: Record<string, { status?: number; body: string; headers?: Record<string, string>; delay?: number }> = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits++;
      const doc = docs[req.url ?? ""];
      if (!doc) return res.writeHead(404).end();
      setTimeout(() => res.writeHead(doc.status ?? 200, { "content-type": "application/json", ...doc.headers }).end(doc.body), doc.delay ?? 0);
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const doc = (path: string, body: object | string, extra: Omit<(typeof docs)[string], "body"> = {}) => {
    docs[path] = { body: typeof body === "string" ? body : JSON.stringify(body), ...extra };
    return `${base}${path}`;
  };

  it("fetches, stores as a tenantless client, and caches per Cache-Control", async () => {
    const url = `${base}/good.json`;
    doc("/good.json", { client_id: url, client_name: "Doc client", redirect_uris: ["https://doc.example/cb"] }, { headers: { "cache-control": "max-age=600" } });
    const first = await resolveMetadataClient(url);
    expect(first).toMatchObject({ clientId: url, name: "Doc client", tenantId: null, registration: "cimd", redirectUris: ["https://doc.example/cb"] });
    const before = hits;
    await resolveMetadataClient(url);
    expect(hits).toBe(before);
  });

  it("fetches again when the document says no-store", async () => {
    const url = `${base}/nostore.json`;
    doc("/nostore.json", { client_id: url, redirect_uris: ["https://doc.example/cb"] }, { headers: { "cache-control": "no-store" } });
    await resolveMetadataClient(url);
    const before = hits;
    await resolveMetadataClient(url);
    expect(hits).toBe(before + 1);
  });

  it("refuses a document whose client_id is not its URL, oversized, slow, redirected, or not JSON", async () => {
    const cases = [
      doc("/mismatch.json", { client_id: "https://elsewhere.example/x.json", redirect_uris: ["https://doc.example/cb"] }),
      doc("/big.json", { client_id: `${base}/big.json`, redirect_uris: ["https://doc.example/cb"], padding: "x".repeat(6000) }),
      doc("/slow.json", { client_id: `${base}/slow.json`, redirect_uris: ["https://doc.example/cb"] }, { delay: 6000 }),
      doc("/moved.json", "", { status: 302, headers: { location: "http://127.0.0.1:9/x" } }),
      doc("/html.json", "<html></html>"),
      doc("/badredirect.json", { client_id: `${base}/badredirect.json`, redirect_uris: ["javascript:alert(1)"] }),
      `${base}/`,
    ];
    for (const url of cases) await expect(resolveMetadataClient(url), url).rejects.toThrow();
  }, 30_000);
});
