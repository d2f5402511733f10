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

export async function grantState(tx: Tx, keys: GrantKeys, scopes: readonly string[]): Promise<GrantState> {
  // Sequential on purpose: one connection per transaction (and PGlite) runs one query at a time anyway.
  const authorization = await tx.authorization.findFirst({
    where: { id: keys.authorizationId, tenantId: keys.tenantId, userId: keys.userId, consumerId: keys.consumerId },
    select: { revokedAt: true, permissions: true },
  });
  const consumer = await tx.oAuthConsumer.findUnique({
    where: { id: keys.consumerId },
    select: { tenantId: true, disabled: true, permissionGroupId: true, dynamicPermissions: true },
  });
  const user = await tx.user.findUnique({ where: { id: keys.userId }, select: { active: true } });
  const membership = await tx.membership.findFirst({
    where: { tenantId: keys.tenantId, userId: keys.userId, active: true },
    select: { role: { select: { permissions: true } } },
  });
  if (!authorization || authorization.revokedAt) return { ok: false, reason: "authorization" };
  if (!consumer || consumer.disabled) return { ok: false, reason: "consumer" };
  if (!user?.active) return { ok: false, reason: "user" };
  if (!membership) return { ok: false, reason: "membership" };
  const limit = await consumerCeiling(tx, keys.tenantId, consumer, authorization.permissions);
  if (!limit) return { ok: false, reason: "tenant" };
  // A role downgrade that leaves the grant no right at all ends it, like a removal.
  if (effectivePermissions(limit, membership.role.permissions, scopes).size === 0) return { ok: false, reason: "membership" };
  return { ok: true, ceiling: limit, role: membership.role.permissions };
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
