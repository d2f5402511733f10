import "server-only";
// The per-request check of a bearer token (the MCP endpoint calls it on every request): one indexed
// lookup by hash, then one query for the live state of everything the token depends on.
import { withLookup, withTenant } from "@/lib/db/tenant";
import { selfRegistrationSettingsSchema } from "@/lib/validation/oauth";
import type { Permissions } from "@/lib/tenancy/permissions";
import { consumerCeiling } from "./oauth-state";

export async function findAccessToken(tokenHash: string) {
  return withLookup(tokenHash, (tx) =>
    tx.accessToken.findUnique({
      where: { tokenHash },
      select: {
        tenantId: true, userId: true, consumerId: true, authorizationId: true, scopes: true, resource: true,
        expiresAt: true, revokedAt: true,
      },
    }),
  );
}
export type AccessRow = NonNullable<Awaited<ReturnType<typeof findAccessToken>>>;

interface LiveState {
  disabled: boolean;
  consumerTenantId: string | null;
  settings: unknown;
  userActive: boolean | null;
  memberActive: boolean | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  authorizationFound: boolean;
}

/** Is the grant behind this token still alive? Also marks the authorization used, at most once a minute. */
export async function accessTokenIsLive(row: AccessRow): Promise<boolean> {
  // "" stands for "none" so no parameter is an untyped NULL.
  const userId = row.userId ?? "";
  const authorizationId = row.authorizationId ?? "";
  return withTenant(row.tenantId, row.userId, async (tx) => {
    const [state] = await tx.$queryRaw<LiveState[]>`
      SELECT c."disabled", c."tenantId" AS "consumerTenantId", t."settings",
             u."active" AS "userActive", m."active" AS "memberActive",
             a."revokedAt", a."lastUsedAt", (a."id" IS NOT NULL) AS "authorizationFound"
        FROM "OAuthConsumer" c
        JOIN "Tenant" t ON t."id" = ${row.tenantId}
        LEFT JOIN "User" u ON u."id" = ${userId}
        LEFT JOIN "Membership" m ON m."tenantId" = ${row.tenantId} AND m."userId" = ${userId}
        LEFT JOIN "Authorization" a ON a."id" = ${authorizationId} AND a."tenantId" = ${row.tenantId}
       WHERE c."id" = ${row.consumerId}`;
    if (!state || state.disabled) return false;
    if (state.consumerTenantId === null && !selfRegistrationSettingsSchema.safeParse(state.settings).data?.allowSelfRegisteredClients) {
      return false;
    }
    if (row.userId && (!state.userActive || !state.memberActive)) return false;
    if (row.authorizationId) {
      if (!state.authorizationFound || state.revokedAt) return false;
      if (!state.lastUsedAt || Date.now() - state.lastUsedAt.getTime() > 60_000) {
        await tx.authorization.updateMany({
          where: { id: row.authorizationId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(Date.now() - 60_000) } }] },
          data: { lastUsedAt: new Date() },
        });
      }
    }
    return true;
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
