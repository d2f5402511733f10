import "server-only";
// Token persistence (RFC 6749 §4.1.3, §6, §4.4). Lookups by hash happen before the tenant is known
// (withLookup); each exchange then runs as ONE tenant transaction, so a code is consumed and its tokens
// stored together, and a rotation never leaves half a family behind.
import { withLookup, withTenant, type Tx } from "@/lib/db/tenant";
import { isSubset, scopesWithin } from "@/lib/oauth/scopes";
import type { Client } from "./oauth-clients";
import { audit, consumerCeiling, grantState, type GrantState } from "./oauth-state";

export interface NewTokens {
  accessHash: string;
  accessExpiresAt: Date;
  /** null when the consumer may not use refresh tokens */
  refreshHash: string | null;
  refreshExpiresAt: Date;
  ip: string | null;
}

export type Issued = { ok: true; scopes: string[] } | { ok: false; reason: "replay" | "reuse" | "revoked" | Extract<GrantState, { ok: false }>["reason"] };

export async function findCode(codeHash: string) {
  return withLookup(codeHash, (tx) =>
    tx.authorizationCode.findUnique({
      where: { codeHash },
      select: {
        id: true, tenantId: true, consumerId: true, authorizationId: true, userId: true, redirectUri: true,
        codeChallenge: true, resource: true, scopes: true, expiresAt: true, usedAt: true,
      },
    }),
  );
}
export type CodeRow = NonNullable<Awaited<ReturnType<typeof findCode>>>;

/** Everything issued from one code: its refresh family (familyId = code id) and their access tokens. */
async function revokeFamily(tx: Tx, tenantId: string, familyId: string, now: Date) {
  const members = await tx.refreshToken.findMany({ where: { tenantId, familyId }, select: { id: true } });
  await tx.refreshToken.updateMany({ where: { tenantId, familyId, revokedAt: null }, data: { revokedAt: now } });
  await tx.accessToken.updateMany({
    where: { tenantId, sourceId: { in: [familyId, ...members.map((m) => m.id)] }, revokedAt: null },
    data: { revokedAt: now },
  });
}

async function storeTokens(
  tx: Tx,
  t: NewTokens,
  grant: { tenantId: string; consumerId: string; authorizationId: string; userId: string; resource: string },
  access: { sourceId: string; scopes: string[] },
  refresh: { familyId: string; parentId: string | null; scopes: string[] },
) {
  const now = new Date();
  await tx.accessToken.create({
    data: { ...grant, tokenHash: t.accessHash, sourceId: access.sourceId, scopes: access.scopes, expiresAt: t.accessExpiresAt },
  });
  if (t.refreshHash) {
    const { userId: _user, ...keys } = grant;
    await tx.refreshToken.create({
      data: { ...keys, tokenHash: t.refreshHash, familyId: refresh.familyId, parentId: refresh.parentId, scopes: refresh.scopes, expiresAt: t.refreshExpiresAt },
    });
  }
  await tx.authorization.update({ where: { id: grant.authorizationId }, data: { lastUsedAt: now } });
  await tx.oAuthConsumer.update({ where: { id: grant.consumerId }, data: { lastUsedAt: now } });
}

/**
 * RFC 6749 §4.1.2 / OAuth 2.1 §4.1.3: the code is claimed with one conditional UPDATE, so of any number of
 * concurrent redemptions exactly one wins. A second redemption (the caller has already checked client,
 * verifier and redirect URI, so it is the real code) revokes everything issued from it.
 */
export async function redeemCode(code: CodeRow, t: NewTokens): Promise<Issued> {
  return withTenant(code.tenantId, code.userId, async (tx) => {
    const now = new Date();
    const claimed = await tx.authorizationCode.updateMany({ where: { id: code.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count === 0) {
      await revokeFamily(tx, code.tenantId, code.id, now);
      await audit(tx, { tenantId: code.tenantId, userId: code.userId, consumerId: code.consumerId, action: "oauth.code.replay", entity: "Authorization", entityId: code.authorizationId, ip: t.ip });
      return { ok: false, reason: "replay" };
    }
    const keys = { tenantId: code.tenantId, userId: code.userId, consumerId: code.consumerId, authorizationId: code.authorizationId };
    const state = await grantState(tx, keys, code.scopes);
    if (!state.ok) return state;
    await storeTokens(tx, t, { ...keys, resource: code.resource }, { sourceId: code.id, scopes: code.scopes }, { familyId: code.id, parentId: null, scopes: code.scopes });
    await audit(tx, { ...keys, action: "oauth.token.issue", entity: "Authorization", entityId: code.authorizationId, after: { grant: "authorization_code", scopes: code.scopes }, ip: t.ip });
    return { ok: true, scopes: code.scopes };
  });
}

export async function findRefreshToken(tokenHash: string) {
  return withLookup(tokenHash, (tx) =>
    tx.refreshToken.findUnique({
      where: { tokenHash },
      select: {
        id: true, tenantId: true, familyId: true, parentId: true, consumerId: true, authorizationId: true,
        scopes: true, resource: true, expiresAt: true, supersededAt: true, revokedAt: true,
      },
    }),
  );
}
export type RefreshRow = NonNullable<Awaited<ReturnType<typeof findRefreshToken>>>;

/**
 * Rotation with a grace (ARCHITECTURE.md §4): a refresh token stays valid until its successor is first
 * used, so two concurrent refreshes by one client both succeed; presenting it after that is reuse, and
 * the whole family dies (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2). The row lock serialises a token's uses with
 * its children's.
 */
export async function rotateRefreshToken(row: RefreshRow, accessScopes: string[], t: NewTokens): Promise<Issued> {
  return withTenant(row.tenantId, null, async (tx) => {
    const now = new Date();
    const [current] = await tx.$queryRaw<{ supersededAt: Date | null; revokedAt: Date | null }[]>`
      SELECT "supersededAt", "revokedAt" FROM "RefreshToken" WHERE "id" = ${row.id} FOR UPDATE`;
    if (!current || current.revokedAt) return { ok: false, reason: "revoked" };
    const authorization = await tx.authorization.findFirst({ where: { id: row.authorizationId, tenantId: row.tenantId }, select: { userId: true } });
    if (!authorization) return { ok: false, reason: "authorization" };
    const keys = { tenantId: row.tenantId, userId: authorization.userId, consumerId: row.consumerId, authorizationId: row.authorizationId };
    if (current.supersededAt) {
      await revokeFamily(tx, row.tenantId, row.familyId, now);
      await audit(tx, { ...keys, action: "oauth.refresh.reuse_detected", entity: "Authorization", entityId: row.authorizationId, after: { familyId: row.familyId }, ip: t.ip });
      return { ok: false, reason: "reuse" };
    }
    const state = await grantState(tx, keys, accessScopes);
    if (!state.ok) return state;
    if (row.parentId) {
      // First use of this token: its parent is now superseded, and siblings from a concurrent refresh
      // (never used, since the client kept this one) are revoked.
      const first = await tx.refreshToken.updateMany({ where: { id: row.parentId, supersededAt: null }, data: { supersededAt: now } });
      if (first.count > 0) {
        await tx.refreshToken.updateMany({ where: { tenantId: row.tenantId, parentId: row.parentId, id: { not: row.id }, revokedAt: null }, data: { revokedAt: now } });
      }
    }
    // RFC 6749 §6: the new refresh token keeps the original scope; only the access token may be narrower.
    await storeTokens(tx, t, { ...keys, resource: row.resource }, { sourceId: row.id, scopes: accessScopes }, { familyId: row.familyId, parentId: row.id, scopes: row.scopes });
    await audit(tx, { ...keys, action: "oauth.token.issue", entity: "Authorization", entityId: row.authorizationId, after: { grant: "refresh_token", scopes: accessScopes }, ip: t.ip });
    return { ok: true, scopes: accessScopes };
  });
}

/**
 * RFC 6749 §4.4: a token for the consumer itself, carrying its permission group alone (no user, no
 * refresh). Returns the granted scopes, or null when the request asks for more than the group allows.
 */
export async function issueClientToken(
  consumer: Client & { tenantId: string },
  requested: string[],
  resource: string,
  t: Pick<NewTokens, "accessHash" | "accessExpiresAt" | "ip">,
): Promise<string[] | null> {
  return withTenant(consumer.tenantId, null, async (tx) => {
    // Dynamic permissions are picked by a user at consent; with no user there is nothing to pick from.
    const limit = await consumerCeiling(tx, consumer.tenantId, { ...consumer, dynamicPermissions: false });
    const allowed = limit ? scopesWithin(limit) : [];
    const scopes = requested.length ? requested : allowed;
    if (scopes.length === 0 || !isSubset(scopes, allowed)) return null;
    await tx.accessToken.create({
      data: { tenantId: consumer.tenantId, tokenHash: t.accessHash, consumerId: consumer.id, scopes, resource, expiresAt: t.accessExpiresAt },
    });
    await tx.oAuthConsumer.update({ where: { id: consumer.id }, data: { lastUsedAt: new Date() } });
    await audit(tx, { tenantId: consumer.tenantId, consumerId: consumer.id, action: "oauth.token.issue", entity: "OAuthConsumer", entityId: consumer.id, after: { grant: "client_credentials", scopes }, ip: t.ip });
    return scopes;
  });
}

/** RFC 7009 §2.1: find a presented token of either kind (the hint only orders the search). */
export async function findTokenByHash(tokenHash: string) {
  return withLookup(tokenHash, async (tx) => {
    const refresh = await tx.refreshToken.findUnique({ where: { tokenHash }, select: { id: true, tenantId: true, consumerId: true, familyId: true } });
    if (refresh) return { kind: "refresh" as const, ...refresh };
    const access = await tx.accessToken.findUnique({ where: { tokenHash }, select: { id: true, tenantId: true, consumerId: true, userId: true } });
    return access ? { kind: "access" as const, ...access, familyId: null } : null;
  });
}
export type TokenRow = NonNullable<Awaited<ReturnType<typeof findTokenByHash>>>;

/** Revoking a refresh token kills its family and their live access tokens in one transaction (RFC 7009 §2.1). */
export async function revokeToken(token: TokenRow, ip: string | null): Promise<void> {
  await withTenant(token.tenantId, null, async (tx) => {
    const now = new Date();
    if (token.kind === "refresh") await revokeFamily(tx, token.tenantId, token.familyId, now);
    else await tx.accessToken.updateMany({ where: { id: token.id, revokedAt: null }, data: { revokedAt: now } });
    await audit(tx, { tenantId: token.tenantId, consumerId: token.consumerId, action: "oauth.token.revoke", entity: token.kind === "refresh" ? "RefreshToken" : "AccessToken", entityId: token.id, ip });
  });
}
