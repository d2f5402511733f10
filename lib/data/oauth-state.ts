import "server-only";
// Checks every OAuth grant repeats inside its own transaction (code exchange, refresh, consent): the
// authorization is live, the consumer enabled, the user active and still a member, and some right is left
// (ARCHITECTURE.md §3: a revoked authorization, disabled consumer, deactivated or removed user, or a role
// downgrade takes effect on the next call). Also the audit writer of the OAuth tables.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { ceiling, effectivePermissions } from "@/lib/oauth/rights";
import { selfRegistrationSettingsSchema } from "@/lib/validation/oauth";
import type { Permissions } from "@/lib/tenancy/permissions";

export interface GrantKeys {
  tenantId: string;
  userId: string;
  consumerId: string;
  authorizationId: string;
}

export type GrantState =
  | { ok: true; ceiling: Permissions; role: unknown }
  | { ok: false; reason: "authorization" | "consumer" | "user" | "membership" | "tenant" };

/** The permission ceiling of a consumer in a tenant, or null when the tenant does not admit it. */
export async function consumerCeiling(
  tx: Tx,
  tenantId: string,
  consumer: { tenantId: string | null; permissionGroupId: string | null; dynamicPermissions: boolean },
  authorizationPermissions?: unknown,
): Promise<Permissions | null> {
  let groupId = consumer.permissionGroupId;
  if (consumer.tenantId === null) {
    // Self-registered clients: only where the tenant's admin allows them, under the tenant's chosen group.
    const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
    const settings = selfRegistrationSettingsSchema.safeParse(tenant?.settings ?? {});
    if (!settings.success || !settings.data.allowSelfRegisteredClients || !settings.data.selfRegisteredGroupId) return null;
    groupId = settings.data.selfRegisteredGroupId;
  } else if (consumer.tenantId !== tenantId) {
    return null;
  }
  const group = groupId
    ? await tx.permissionGroup.findFirst({ where: { id: groupId, tenantId }, select: { permissions: true } })
    : null;
  return ceiling({ consumer, groupPermissions: group?.permissions ?? {}, authorizationPermissions });
}

interface GrantRow {
  userId: string;
  authorizationRevokedAt: Date | null;
  authorizationPermissions: unknown;
  authorizationLastUsedAt: Date | null;
  consumerTenantId: string | null;
  consumerDisabled: boolean;
  dynamicPermissions: boolean;
  consumerLastUsedAt: Date | null;
  groupPermissions: unknown;
  settings: unknown;
  selfRegisteredGroupPermissions: unknown;
  userActive: boolean | null;
  rolePermissions: unknown;
}

/** The authorization's user, and when authorization and consumer were last used (lastUsedAt is refreshed only when stale). */
export type LiveGrantState =
  | { ok: true; ceiling: Permissions; role: unknown; userId: string; lastUsed: { authorization: Date | null; consumer: Date | null } }
  | Extract<GrantState, { ok: false }>;

/**
 * Everything a grant depends on, read in ONE query (each join by primary or unique key): the authorization
 * (for this consumer, and this user unless `userId` is null: then its own user's), the consumer, its
 * ceiling in the tenant, the user and their role.
 */
export async function grantState(
  tx: Tx,
  keys: Omit<GrantKeys, "userId"> & { userId: string | null },
  scopes: readonly string[],
): Promise<LiveGrantState> {
  // "" stands for "any user" so no parameter is an untyped NULL.
  const userId = keys.userId ?? "";
  const [row] = await tx.$queryRaw<GrantRow[]>`
    SELECT a."userId", a."revokedAt" AS "authorizationRevokedAt", a."permissions" AS "authorizationPermissions", a."lastUsedAt" AS "authorizationLastUsedAt",
           c."tenantId" AS "consumerTenantId", c."disabled" AS "consumerDisabled", c."dynamicPermissions", c."lastUsedAt" AS "consumerLastUsedAt",
           g."permissions" AS "groupPermissions", t."settings", sg."permissions" AS "selfRegisteredGroupPermissions",
           u."active" AS "userActive", r."permissions" AS "rolePermissions"
      FROM "Authorization" a
      JOIN "Tenant" t ON t."id" = a."tenantId"
      LEFT JOIN "OAuthConsumer" c ON c."id" = a."consumerId"
      LEFT JOIN "PermissionGroup" g ON g."id" = c."permissionGroupId" AND g."tenantId" = a."tenantId"
      LEFT JOIN "PermissionGroup" sg ON sg."id" = t."settings"->>'selfRegisteredGroupId' AND sg."tenantId" = a."tenantId"
      LEFT JOIN "User" u ON u."id" = a."userId"
      LEFT JOIN "Membership" m ON m."tenantId" = a."tenantId" AND m."userId" = a."userId" AND m."active"
      LEFT JOIN "Role" r ON r."id" = m."roleId" AND r."tenantId" = a."tenantId"
     WHERE a."id" = ${keys.authorizationId} AND a."tenantId" = ${keys.tenantId}
       AND (${userId} = '' OR a."userId" = ${userId}) AND a."consumerId" = ${keys.consumerId}`;
  if (!row || row.authorizationRevokedAt) return { ok: false, reason: "authorization" };
  if (row.consumerDisabled !== false) return { ok: false, reason: "consumer" };
  if (!row.userActive) return { ok: false, reason: "user" };
  if (row.rolePermissions === null) return { ok: false, reason: "membership" };
  // The same rule as consumerCeiling, from the rows already loaded.
  let groupPermissions = row.groupPermissions;
  if (row.consumerTenantId === null) {
    const settings = selfRegistrationSettingsSchema.safeParse(row.settings ?? {});
    if (!settings.success || !settings.data.allowSelfRegisteredClients || !settings.data.selfRegisteredGroupId) return { ok: false, reason: "tenant" };
    groupPermissions = row.selfRegisteredGroupPermissions;
  } else if (row.consumerTenantId !== keys.tenantId) {
    return { ok: false, reason: "tenant" };
  }
  const consumer = { tenantId: row.consumerTenantId, dynamicPermissions: row.dynamicPermissions };
  const limit = ceiling({ consumer, groupPermissions: groupPermissions ?? {}, authorizationPermissions: row.authorizationPermissions });
  // A role downgrade that leaves the grant no right at all ends it, like a removal.
  if (effectivePermissions(limit, row.rolePermissions, scopes).size === 0) return { ok: false, reason: "membership" };
  return {
    ok: true,
    ceiling: limit,
    role: row.rolePermissions,
    userId: row.userId,
    lastUsed: { authorization: row.authorizationLastUsedAt, consumer: row.consumerLastUsedAt },
  };
}

export interface AuditEntry {
  tenantId: string;
  action: string;
  userId?: string | null;
  consumerId?: string | null;
  entity?: string;
  entityId?: string;
  after?: Prisma.InputJsonValue;
  ip?: string | null;
}

/** One "Transactions log" row; the actor is the user when there is one, else the consumer. */
export function audit(tx: Tx, entry: AuditEntry) {
  return tx.auditLog.create({
    data: {
      tenantId: entry.tenantId,
      actorType: entry.userId ? "user" : entry.consumerId ? "consumer" : "system",
      userId: entry.userId ?? null,
      consumerId: entry.consumerId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      after: entry.after,
      ip: entry.ip ?? null,
    },
  });
}
