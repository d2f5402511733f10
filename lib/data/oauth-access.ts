import "server-only";
// The per-request check of a bearer token (the MCP endpoint runs it on every request): ONE statement,
// app_access_token() (migration 20261204010000), which finds the token by its hash and reads the live state
// of everything it depends on together with who is calling (tenant, consumer and its ceiling, user and
// role), each by primary or unique key under RLS. No transaction: the function's settings end with the
// statement. The authorization's lastUsedAt is written at most once a minute, in a transaction of its own.
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
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

interface CheckRow extends AccessRow, CallerRow {
  settings: unknown;
  disabled: boolean;
  authorizationFound: boolean;
  authorizationRevokedAt: Date | null;
  lastUsedAt: Date | null;
  userActive: boolean | null;
  memberActive: boolean | null;
}

/** Is the grant behind the token still alive: consumer enabled and admitted, user active and a member, authorization not revoked. */
function isLive(row: CheckRow): boolean {
  if (row.revokedAt || row.expiresAt.getTime() <= Date.now()) return false;
  if (row.disabled) return false;
  if (row.consumerTenantId === null && !selfRegistrationSettingsSchema.safeParse(row.settings).data?.allowSelfRegisteredClients) return false;
  if (row.userId && (!row.userActive || !row.memberActive)) return false;
  if (row.authorizationId && (!row.authorizationFound || row.authorizationRevokedAt)) return false;
  return true;
}

/**
 * The token and its caller, or null when the token is unknown, expired or revoked, or when what it depends
 * on is gone: a revoked authorization, a disabled or deleted consumer, an inactive user or one no longer a
 * member.
 */
export async function loadAccessToken(tokenHash: string): Promise<{ token: AccessRow; caller: CallerRow } | null> {
  const [row] = await (await db()).$queryRaw<CheckRow[]>`SELECT * FROM app_access_token(${tokenHash})`;
  if (!row || !isLive(row)) return null;
  const { tenantId, userId, consumerId, authorizationId, scopes, resource, expiresAt, revokedAt } = row;
  if (authorizationId && (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)) {
    await withTenant(tenantId, userId, (tx) =>
      tx.authorization.updateMany({
        where: { id: authorizationId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(Date.now() - 60_000) } }] },
        data: { lastUsedAt: new Date() },
      }),
    );
  }
  return {
    token: { tenantId, userId, consumerId, authorizationId, scopes, resource, expiresAt, revokedAt },
    caller: {
      tenantSlug: row.tenantSlug,
      tenantName: row.tenantName,
      consumerName: row.consumerName,
      consumerTenantId: row.consumerTenantId,
      dynamicPermissions: row.dynamicPermissions,
      groupPermissions: row.groupPermissions,
      selfRegisteredGroupPermissions: row.selfRegisteredGroupPermissions,
      authorizationPermissions: row.authorizationPermissions,
      userName: row.userName,
      userEmail: row.userEmail,
      rolePermissions: row.rolePermissions,
    },
  };
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
