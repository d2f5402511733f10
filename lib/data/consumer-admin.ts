import "server-only";
// What the admin screens need beyond lib/data/consumers.ts and lib/data/oauth-grants.ts (the OAuth
// engineer's, which create, rotate, disable, delete and revoke): editing a consumer, the App authorizations
// list with filters and keyset pages, and a user's own Connected apps.
import { withTenant } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { consumerCreateSchema } from "@/lib/validation/oauth";
import type { AuthorizationFilter, ConsumerForm } from "@/lib/validation/settings-api";
import { toConsumerInput } from "@/lib/validation/settings-api";
import { audit } from "./audit";
import { clampLimit, decodeCursor, toPage, type Page } from "./pagination";
import { requireSettings } from "./settings";

/**
 * Edits a tenant consumer. Whether it has a secret cannot change here (that would mean issuing one); the
 * rest applies to live tokens on their next call — a narrower group narrows them at once.
 */
export async function updateConsumer(access: Access, id: string, form: ConsumerForm, ip: string | null = null): Promise<void> {
  requireSettings(access, "edit");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const before = await tx.oAuthConsumer.findFirst({
      where: { id, tenantId: access.tenantId, registration: "manual" },
      select: { id: true, secretHash: true, name: true, grantTypes: true, redirectUris: true, permissionGroupId: true, dynamicPermissions: true },
    });
    if (!before) throw notFound("Consumer not found");
    // The same rules as at creation (lib/validation/oauth.ts), with the confidentiality it already has.
    const parsed = consumerCreateSchema.safeParse({ ...toConsumerInput(form), confidential: before.secretHash !== null });
    if (!parsed.success) throw new AppError("invalid", "Invalid consumer", parsed.error.issues);
    const input = parsed.data;
    if (input.permissionGroupId) {
      const group = await tx.permissionGroup.findFirst({ where: { id: input.permissionGroupId, tenantId: access.tenantId }, select: { id: true } });
      if (!group) throw notFound("Permission group not found");
    }
    const grantTypes = [
      ...(input.redirectUris.length ? ["authorization_code", "refresh_token"] : []),
      ...(input.clientCredentials ? ["client_credentials"] : []),
    ];
    const data = {
      name: input.name,
      description: input.description ?? null,
      grantTypes,
      redirectUris: input.redirectUris,
      privacyPolicyUrl: input.privacyPolicyUrl ?? null,
      termsUrl: input.termsUrl ?? null,
      permissionGroupId: input.dynamicPermissions ? null : (input.permissionGroupId ?? null),
      dynamicPermissions: input.dynamicPermissions,
    };
    await tx.oAuthConsumer.update({ where: { id: before.id }, data });
    const { secretHash: _secret, id: _id, ...previous } = before;
    await audit(tx, access, { ip,
      action: "oauth.consumer.update",
      entity: "OAuthConsumer",
      entityId: id,
      before: previous,
      after: { name: data.name, grantTypes, redirectUris: data.redirectUris, permissionGroupId: data.permissionGroupId, dynamicPermissions: data.dynamicPermissions },
    });
  });
}

const authorizationSelect = {
  id: true,
  scopes: true,
  createdAt: true,
  lastUsedAt: true,
  user: { select: { id: true, name: true, email: true } },
  consumer: { select: { id: true, name: true, registration: true } },
} as const;
export type AuthorizationRow = Prisma.AuthorizationGetPayload<{ select: typeof authorizationSelect }>;

/** Settings → App authorizations: every user's live authorizations, newest first, filtered and paged. */
export async function listAuthorizationPage(access: Access, filter: AuthorizationFilter, limit?: number): Promise<Page<AuthorizationRow>> {
  requireSettings(access, "view");
  const take = clampLimit(limit);
  const position = decodeCursor(filter.cursor);
  const since = position ? new Date(String(position.k)) : null;
  const rows = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.authorization.findMany({
      where: {
        tenantId: access.tenantId,
        revokedAt: null,
        ...(filter.consumer ? { consumerId: filter.consumer } : {}),
        ...(filter.user ? { userId: filter.user } : {}),
        ...(position && since && !Number.isNaN(since.getTime())
          ? // `createdAt <= k` bounds the index scan (the OR alone would filter every newer row first).
            { createdAt: { lte: since }, OR: [{ createdAt: { lt: since } }, { createdAt: since, id: { lt: position.id } }] }
          : {}),
      },
      select: authorizationSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take + 1,
    }),
  );
  return toPage(rows, take, (r) => r.createdAt.toISOString());
}

/**
 * The consumers and users the filters offer: this tenant's consumers plus the self-registered clients
 * someone here authorized (never other tenants' self-registered clients, which RLS would also show).
 */
export async function authorizationFilterOptions(access: Access) {
  requireSettings(access, "view");
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const consumers = await tx.oAuthConsumer.findMany({
      where: { OR: [{ tenantId: access.tenantId }, { tenantId: null, authorizations: { some: { tenantId: access.tenantId } } }] },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    const users = await tx.membership.findMany({
      where: { tenantId: access.tenantId },
      select: { user: { select: { id: true, name: true, email: true } } },
      orderBy: { user: { name: "asc" } },
    });
    return { consumers, users: users.map((m) => m.user) };
  });
}

/** Profile → Connected apps: the signed-in user's own live authorizations in this tenant. */
export async function listOwnAuthorizations(access: Access): Promise<AuthorizationRow[]> {
  if (!access.userId) return [];
  const userId = access.userId;
  return withTenant(access.tenantId, userId, (tx) =>
    tx.authorization.findMany({
      where: { tenantId: access.tenantId, userId, revokedAt: null },
      select: authorizationSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    }),
  );
}

/** Whether this authorization is the caller's own (Connected apps may only revoke those). */
export async function isOwnAuthorization(access: Access, id: string): Promise<boolean> {
  if (!access.userId) return false;
  const userId = access.userId;
  const row = await withTenant(access.tenantId, userId, (tx) =>
    tx.authorization.findFirst({ where: { id, tenantId: access.tenantId, userId, revokedAt: null }, select: { id: true } }),
  );
  return row !== null;
}
