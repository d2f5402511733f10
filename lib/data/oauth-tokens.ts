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

const STALE_MS = 60_000;
const stale = (at: Date | null | undefined, now: Date) => !at || now.getTime() - at.getTime() > STALE_MS;

/**
 * lastUsedAt of the authorization and the consumer, to the minute: a consumer used by many people (one
 * self-registered AI client for a whole tenant) would otherwise queue every token exchange on its row lock.
 */
async function touch(tx: Tx, ids: { authorizationId: string; consumerId: string }, lastUsed: { authorization: Date | null; consumer: Date | null }, now: Date) {
  if (stale(lastUsed.authorization, now)) await tx.authorization.update({ where: { id: ids.authorizationId }, data: { lastUsedAt: now } });
  if (stale(lastUsed.consumer, now)) await tx.oAuthConsumer.update({ where: { id: ids.consumerId }, data: { lastUsedAt: now } });
}

async function storeTokens(
  tx: Tx,
  t: NewTokens,
  grant: { tenantId: string; consumerId: string; authorizationId: string; userId: string; resource: string },
  access: { sourceId: string; scopes: string[] },
  refresh: { familyId: string; parentId: string | null; scopes: string[] },
) {
  await tx.accessToken.create({
    data: { ...grant, tokenHash: t.accessHash, sourceId: access.sourceId, scopes: access.scopes, expiresAt: t.accessExpiresAt },
  });
  if (t.refreshHash) {
    const { userId: _user, ...keys } = grant;
    await tx.refreshToken.create({
      data: { ...keys, tokenHash: t.refreshHash, familyId: refresh.familyId, parentId: refresh.parentId, scopes: refresh.scopes, expiresAt: t.refreshExpiresAt },
    });
  }
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
    await touch(tx, keys, state.lastUsed, now);
    await audit(tx, { ...keys, action: "oauth.token.issue", entity: "Authorization", entityId: code.authorizationId, after: { grant: "authorization_code", scopes: code.scopes }, ip: t.ip });
    return { ok: true, scopes: code.scopes };
  });
}

export interface RefreshRow {
  id: string;
  tenantId: string;
  familyId: string;
  parentId: string | null;
  consumerId: string;
  authorizationId: string;
  scopes: string[];
  resource: string;
  expiresAt: Date;
  supersededAt: Date | null;
  revokedAt: Date | null;
}

/** Thrown by `accept` to refuse a refresh before anything is written. */
export type AcceptRefresh = (row: RefreshRow) => string[];

/**
 * Rotation with a grace (ARCHITECTURE.md §4): a refresh token stays valid until its successor is first
 * used, so two concurrent refreshes by one client both succeed; presenting it after that is reuse, and
 * the whole family dies (OAuth 2.1 §4.3.1, RFC 9700 §4.14.2).
 * One transaction: the token is found by its hash and locked (FOR UPDATE serialises a token's uses with its
 * children's) in the statement that also switches the transaction to its tenant; `accept` runs the
 * protocol's checks (client, expiry, resource, scope) and returns the access token's scopes, or throws
 * and nothing is written; then the grant's live state, the rotation and the new tokens.
 */
export async function rotateRefreshToken(tokenHash: string, accept: AcceptRefresh, t: NewTokens): Promise<Issued | null> {
  return withLookup(tokenHash, async (tx) => {
    const [row] = await tx.$queryRaw<RefreshRow[]>`
      SELECT "id", "tenantId", "familyId", "parentId", "consumerId", "authorizationId", "scopes", "resource", "expiresAt",
             "supersededAt", "revokedAt",
             set_config('app.tenant_id', "tenantId", true) AS "_tenant", set_config('app.lookup', '', true) AS "_lookup"
        FROM "RefreshToken" WHERE "tokenHash" = ${tokenHash}
         FOR UPDATE`;
    if (!row) return null;
    const accessScopes = accept(row);
    if (row.revokedAt) return { ok: false, reason: "revoked" };
    const now = new Date();
    const keys = { tenantId: row.tenantId, userId: null, consumerId: row.consumerId, authorizationId: row.authorizationId };
    if (row.supersededAt) {
      // Rare, and the family dies whatever state the grant is in: the user is read for the audit row only.
      const authorization = await tx.authorization.findFirst({ where: { id: row.authorizationId, tenantId: row.tenantId }, select: { userId: true } });
      await revokeFamily(tx, row.tenantId, row.familyId, now);
      await audit(tx, { ...keys, userId: authorization?.userId, action: "oauth.refresh.reuse_detected", entity: "Authorization", entityId: row.authorizationId, after: { familyId: row.familyId }, ip: t.ip });
      return { ok: false, reason: "reuse" };
    }
    const state = await grantState(tx, keys, accessScopes);
    if (!state.ok) return state;
    const grant = { ...keys, userId: state.userId };
    if (row.parentId) {
      // First use of this token: its parent is now superseded, and siblings from a concurrent refresh
      // (never used, since the client kept this one) are revoked. One statement: the siblings are only
      // revoked when this use is the one that superseded the parent.
      await tx.$executeRaw`
        WITH parent AS (
          UPDATE "RefreshToken" SET "supersededAt" = ${now} WHERE "id" = ${row.parentId} AND "supersededAt" IS NULL RETURNING "id"
        )
        UPDATE "RefreshToken" SET "revokedAt" = ${now}
         WHERE "tenantId" = ${row.tenantId} AND "parentId" IN (SELECT "id" FROM parent) AND "id" <> ${row.id} AND "revokedAt" IS NULL`;
    }
    // RFC 6749 §6: the new refresh token keeps the original scope; only the access token may be narrower.
    await storeTokens(tx, t, { ...grant, resource: row.resource }, { sourceId: row.id, scopes: accessScopes }, { familyId: row.familyId, parentId: row.id, scopes: row.scopes });
    await touch(tx, grant, state.lastUsed, now);
    await audit(tx, { ...grant, action: "oauth.token.issue", entity: "Authorization", entityId: row.authorizationId, after: { grant: "refresh_token", scopes: accessScopes }, ip: t.ip });
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
