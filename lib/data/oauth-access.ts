import "server-only";
// The per-request check of a bearer token (the MCP endpoint runs it on every request) in ONE transaction
// of three statements: the token by its hash, then the live state of everything it depends on together
// with who is calling (tenant, consumer and its ceiling, user and role), then — at most once a minute — the
// authorization's lastUsedAt. Each statement is an indexed lookup by primary or unique key.
import { withLookup, withTenant } from "@/lib/db/tenant";
import { selfRegistrationSettingsSchema } from "@/lib/validation/oauth";
import type { Permissions } from "@/lib/tenancy/permissions";
import { consumerCeiling } from "./oauth-state";

export interface AccessRow {
  tenantId: string;
  userId: string | null;
  consumerId: string;
  authorizationId: string | null;
  scopes: string[];
  resource: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Who is calling, from current rows: what lib/tenancy/token-access.ts turns into an Access. */
export interface CallerRow {
  tenantSlug: string;
  tenantName: string;
  consumerName: string;
  consumerTenantId: string | null;
  dynamicPermissions: boolean;
  /** the consumer's own group (tenant consumers) */
  groupPermissions: unknown;
  /** the tenant's "self-registered clients" group (DCR / CIMD consumers) */
  selfRegisteredGroupPermissions: unknown;
  /** Authorization.permissions (dynamic permissions) */
  authorizationPermissions: unknown;
  userName: string | null;
  userEmail: string | null;
  /** null when the user has no active membership (or for client-credentials tokens) */
  rolePermissions: unknown;
}

interface LiveRow extends CallerRow {
  disabled: boolean;
  settings: unknown;
  userActive: boolean | null;
  memberActive: boolean | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  authorizationFound: boolean;
}

/** Is the grant behind the token still alive: consumer enabled and admitted, user active and a member, authorization not revoked. */
function isLive(token: AccessRow, row: LiveRow): boolean {
  if (row.disabled) return false;
  if (row.consumerTenantId === null && !selfRegistrationSettingsSchema.safeParse(row.settings).data?.allowSelfRegisteredClients) return false;
  if (token.userId && (!row.userActive || !row.memberActive)) return false;
  if (token.authorizationId && (!row.authorizationFound || row.revokedAt)) return false;
  return true;
}

/**
 * The token and its caller, or null when the token is unknown, expired or revoked, or when what it depends
 * on is gone: a revoked authorization, a disabled or deleted consumer, an inactive user or one no longer a
 * member. The lookup runs with only this hash visible (RLS, app.lookup); the statement that finds the token
 * also switches the transaction to the token's tenant and user (set_config is evaluated for the one row
 * found), so the second statement reads that tenant's rows under RLS like any tenant transaction.
 */
export async function loadAccessToken(tokenHash: string): Promise<{ token: AccessRow; caller: CallerRow } | null> {
  return withLookup(tokenHash, async (tx) => {
    const [token] = await tx.$queryRaw<AccessRow[]>`
      SELECT "tenantId", "userId", "consumerId", "authorizationId", "scopes", "resource", "expiresAt", "revokedAt",
             set_config('app.tenant_id', "tenantId", true) AS "_tenant",
             set_config('app.user_id', coalesce("userId", ''), true) AS "_user",
             set_config('app.lookup', '', true) AS "_lookup"
        FROM "AccessToken" WHERE "tokenHash" = ${tokenHash}`;
    if (!token || token.revokedAt || token.expiresAt.getTime() <= Date.now()) return null;
    // "" stands for "none" so no parameter is an untyped NULL.
    const userId = token.userId ?? "";
    const authorizationId = token.authorizationId ?? "";
    const [row] = await tx.$queryRaw<LiveRow[]>`
      SELECT t."slug" AS "tenantSlug", t."name" AS "tenantName", t."settings",
             c."name" AS "consumerName", c."tenantId" AS "consumerTenantId", c."dynamicPermissions", c."disabled",
             g."permissions" AS "groupPermissions", sg."permissions" AS "selfRegisteredGroupPermissions",
             a."permissions" AS "authorizationPermissions", (a."id" IS NOT NULL) AS "authorizationFound",
             a."revokedAt", a."lastUsedAt",
             u."name" AS "userName", u."email" AS "userEmail", u."active" AS "userActive",
             m."active" AS "memberActive", r."permissions" AS "rolePermissions"
        FROM "Tenant" t
        JOIN "OAuthConsumer" c ON c."id" = ${token.consumerId}
        LEFT JOIN "PermissionGroup" g ON g."id" = c."permissionGroupId" AND g."tenantId" = t."id"
        LEFT JOIN "PermissionGroup" sg
               ON c."tenantId" IS NULL AND sg."tenantId" = t."id" AND sg."id" = t."settings"->>'selfRegisteredGroupId'
        LEFT JOIN "Authorization" a ON a."id" = ${authorizationId} AND a."tenantId" = t."id"
        LEFT JOIN "User" u ON u."id" = ${userId}
        LEFT JOIN "Membership" m ON m."tenantId" = t."id" AND m."userId" = ${userId}
        LEFT JOIN "Role" r ON r."id" = m."roleId" AND r."tenantId" = t."id" AND m."active"
       WHERE t."id" = ${token.tenantId}`;
    if (!row || !isLive(token, row)) return null;
    if (token.authorizationId && (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)) {
      await tx.authorization.updateMany({
        where: { id: token.authorizationId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(Date.now() - 60_000) } }] },
        data: { lastUsedAt: new Date() },
      });
    }
    const { disabled: _d, settings: _s, userActive: _u, memberActive: _m, revokedAt: _r, lastUsedAt: _l, authorizationFound: _a, ...caller } = row;
    const { tenantId, userId: uid, consumerId, authorizationId: aid, scopes, resource, expiresAt, revokedAt } = token;
    return { token: { tenantId, userId: uid, consumerId, authorizationId: aid, scopes, resource, expiresAt, revokedAt }, caller };
  });
}

/**
 * What a token's grant can carry now: the consumer's ceiling in the tenant (group, dynamic pick, or the
 * tenant's self-registered group) and the user's current role (null without a user or membership).
 */
export async function grantRights(ctx: {
  tenantId: string;
  userId: string | null;
  consumerId: string;
  authorizationId: string | null;
}): Promise<{ ceiling: Permissions; role: unknown } | null> {
  return withTenant(ctx.tenantId, ctx.userId, async (tx) => {
    const consumer = await tx.oAuthConsumer.findUnique({
      where: { id: ctx.consumerId },
      select: { tenantId: true, permissionGroupId: true, dynamicPermissions: true },
    });
    if (!consumer) return null;
    const authorization = ctx.authorizationId
      ? await tx.authorization.findFirst({ where: { id: ctx.authorizationId, tenantId: ctx.tenantId }, select: { permissions: true } })
      : null;
    const ceiling = await consumerCeiling(tx, ctx.tenantId, consumer, authorization?.permissions);
    if (!ceiling) return null;
    const membership = ctx.userId
      ? await tx.membership.findFirst({
          where: { tenantId: ctx.tenantId, userId: ctx.userId, active: true },
          select: { role: { select: { permissions: true } } },
        })
      : null;
    return { ceiling, role: membership?.role.permissions ?? null };
  });
}
