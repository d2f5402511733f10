// The refresh grant's rotation rules (ARCHITECTURE.md §4, OAuth 2.1 §4.3.1, RFC 9700 §4.14.2), through the
// token endpoint's own code: a token stays valid until its successor is first used; that first use revokes
// the siblings of a concurrent refresh; presenting a superseded token is reuse and kills the whole family,
// access tokens included; the wrong client, an unknown resource or a wider scope change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { handleTokenRequest } from "@/lib/oauth/token";
import { sha256 } from "@/lib/oauth/tokens";
import { authenticateAccessToken } from "@/lib/oauth/verify";
import { basicHeaders, connect, loadOauthContext, newConsumer, newUser, owner } from "./oauth-fixtures";

beforeAll(loadOauthContext);
afterAll(async () => (await db()).$disconnect());

type Consumer = Awaited<ReturnType<typeof newConsumer>>;
type Tokens = { access_token: string; refresh_token: string; scope: string };

const refresh = async (c: Consumer, token: string, extra: Record<string, string> = {}): Promise<Tokens> => {
  const res = await handleTokenRequest({ grant_type: "refresh_token", refresh_token: token, ...extra }, basicHeaders(c.clientId, c.secret!), null);
  expect(res.status).toBe(200);
  expect(res.headers.get("cache-control")).toBe("no-store");
  return res.json();
};
const refused = (c: Consumer, token: string, extra: Record<string, string> = {}) =>
  handleTokenRequest({ grant_type: "refresh_token", refresh_token: token, ...extra }, basicHeaders(c.clientId, c.secret!), null);

const row = async (token: string) =>
  (await owner.query<{ supersededAt: Date | null; revokedAt: Date | null }>(`SELECT "supersededAt", "revokedAt" FROM "RefreshToken" WHERE "tokenHash" = $1`, [sha256(token)]))[0];

describe("refresh grant", () => {
  it("rotates: the old token lasts until its successor is used, then only the successor's line survives", async () => {
    const c = await newConsumer("Rotating app");
    const t0 = await connect(await newUser(), c);
    const t1 = await refresh(c, t0.refresh_token);
    expect(t1.refresh_token).not.toBe(t0.refresh_token);
    expect(t1.scope).toBe("assets:read workorders:read");
    // A concurrent refresh with the same token (the client retried): both succeed.
    const t1b = await refresh(c, t0.refresh_token);
    expect(await row(t0.refresh_token)).toMatchObject({ supersededAt: null, revokedAt: null });

    // The client keeps t1 and uses it: t0 is superseded, the sibling t1b is revoked, t1 lives on.
    const t2 = await refresh(c, t1.refresh_token);
    expect((await row(t0.refresh_token)).supersededAt).not.toBeNull();
    expect((await row(t1b.refresh_token)).revokedAt).not.toBeNull();
    expect(await row(t1.refresh_token)).toMatchObject({ revokedAt: null });
    await expect(refused(c, t1b.refresh_token)).rejects.toMatchObject({ code: "invalid_grant" });
    expect(await authenticateAccessToken(t2.access_token)).not.toBeNull();
  });

  it("treats a superseded token as stolen: the family and its access tokens die, and the audit says so", async () => {
    const c = await newConsumer("Replayed app");
    const t0 = await connect(await newUser(), c);
    const t1 = await refresh(c, t0.refresh_token);
    const t2 = await refresh(c, t1.refresh_token); // t0 now superseded
    await expect(refused(c, t0.refresh_token)).rejects.toMatchObject({ code: "invalid_grant" });
    await expect(refused(c, t2.refresh_token)).rejects.toMatchObject({ code: "invalid_grant" });
    for (const access of [t0.access_token, t1.access_token, t2.access_token]) expect(await authenticateAccessToken(access)).toBeNull();
    const audit = await owner.query<{ action: string; actorType: string }>(
      `SELECT l.action, l."actorType" FROM "AuditLog" l JOIN "RefreshToken" r ON r."authorizationId" = l."entityId" WHERE r."tokenHash" = $1 ORDER BY l.at`,
      [sha256(t0.refresh_token)],
    );
    expect(audit.at(-1)).toEqual({ action: "oauth.refresh.reuse_detected", actorType: "user" });
  });

  it("refuses another client, another resource or a wider scope without touching the token", async () => {
    const c = await newConsumer("Owner app");
    const other = await newConsumer("Other app");
    const t0 = await connect(await newUser(), c, ["workorders:read"]);
    await expect(refused(other, t0.refresh_token)).rejects.toMatchObject({ code: "invalid_grant" });
    await expect(refused(c, t0.refresh_token, { resource: "https://elsewhere.example/mcp" })).rejects.toMatchObject({ code: "invalid_target" });
    await expect(refused(c, t0.refresh_token, { scope: "workorders:read workorders:write" })).rejects.toMatchObject({ code: "invalid_scope" });
    expect(await row(t0.refresh_token)).toMatchObject({ supersededAt: null, revokedAt: null });
    // A narrower access token is fine; the new refresh token keeps the original scope.
    const narrow = await refresh(c, t0.refresh_token, { scope: "workorders:read" });
    expect(narrow.scope).toBe("workorders:read");
  });

  it("marks authorization and consumer used, at most once a minute", async () => {
    const c = await newConsumer("Busy app");
    const t0 = await connect(await newUser(), c);
    const used = async () =>
      (await owner.query<{ a: Date; c: Date }>(`SELECT a."lastUsedAt" AS a, c."lastUsedAt" AS c FROM "Authorization" a JOIN "OAuthConsumer" c ON c.id = a."consumerId" WHERE c.id = $1`, [c.id]))[0];
    await owner.query(`UPDATE "OAuthConsumer" SET "lastUsedAt" = now() - interval '30 seconds' WHERE id = $1`, [c.id]);
    const before = await used();
    const t1 = await refresh(c, t0.refresh_token);
    expect((await used()).c.getTime()).toBe(before.c.getTime());
    await owner.query(`UPDATE "OAuthConsumer" SET "lastUsedAt" = now() - interval '2 minutes' WHERE id = $1`, [c.id]);
    await owner.query(`UPDATE "Authorization" SET "lastUsedAt" = now() - interval '2 minutes' WHERE "consumerId" = $1`, [c.id]);
    await refresh(c, t1.refresh_token);
    const after = await used();
    expect(Date.now() - after.c.getTime()).toBeLessThan(10_000);
    expect(Date.now() - after.a.getTime()).toBeLessThan(10_000);
  });
});
