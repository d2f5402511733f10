import "server-only";
// Authorizations: a user's consent to a consumer in one tenant (ARCHITECTURE.md §4). Consent is remembered
// per (user, consumer, tenant, scopes); issuing an authorization code records the grant and the code in
// one transaction. Also the list/revoke operations behind Settings → App authorizations.
import { withTenant, withUser } from "@/lib/db/tenant";
import { forbidden, notFound } from "@/lib/errors";
import { isSubset, SCOPES, scopesWithin } from "@/lib/oauth/scopes";
import { selfRegistrationSettingsSchema } from "@/lib/validation/oauth";
import type { Access } from "@/lib/tenancy";
import type { Client } from "./oauth-clients";
import { audit, consumerCeiling } from "./oauth-state";

export interface TenantOption {
  id: string;
  slug: string;
  name: string;
}

/** The tenants in which this user may authorize this consumer (a tenant consumer: its own tenant only). */
export async function eligibleTenants(userId: string, client: Client): Promise<TenantOption[]> {
  const rows = await withUser(userId, (tx) =>
    tx.membership.findMany({
      where: { userId, active: true, ...(client.tenantId ? { tenantId: client.tenantId } : {}) },
      select: { tenant: { select: { id: true, slug: true, name: true, settings: true } } },
      orderBy: { tenant: { name: "asc" } },
    }),
  );
  return rows
    .map((r) => r.tenant)
    .filter((t) => client.tenantId || selfRegistrationSettingsSchema.safeParse(t.settings).data?.allowSelfRegisteredClients)
    .map(({ id, slug, name }) => ({ id, slug, name }));
}

export interface TenantGrantContext {
  /** the scopes this consumer may be granted in this tenant (all of them with dynamic permissions) */
  allowedScopes: string[];
  /** scopes of a live authorization, when consent was given before */
  rememberedScopes: string[] | null;
}

export async function tenantGrantContext(tenantId: string, userId: string, client: Client): Promise<TenantGrantContext | null> {
  // With dynamic permissions the user picks any scope at consent (still capped by the role on every call).
  const dynamic = client.dynamicPermissions && client.tenantId === tenantId;
  return withTenant(tenantId, userId, async (tx) => {
    const limit = dynamic ? null : await consumerCeiling(tx, tenantId, client);
    if (!dynamic && !limit) return null;
    const existing = await tx.authorization.findFirst({
      where: { tenantId, userId, consumerId: client.id, revokedAt: null },
      select: { scopes: true },
      orderBy: { createdAt: "desc" },
    });
    return { allowedScopes: limit ? scopesWithin(limit) : [...SCOPES], rememberedScopes: existing?.scopes ?? null };
  });
}

export interface CodeGrant {
  tenantId: string;
  userId: string;
  client: Client;
  scopes: string[];
  /** with dynamic permissions: the matrix the user ticked */
  permissions?: Record<string, string[]>;
  codeHash: string;
  codeChallenge: string;
  redirectUri: string;
  resource: string;
  expiresAt: Date;
  ip: string | null;
  /** true when the consent screen was skipped because an earlier consent covers the scopes */
  remembered: boolean;
}

/** Records (or reuses) the authorization and stores the code's hash, in one transaction. */
export async function grantCode(g: CodeGrant): Promise<void> {
  await withTenant(g.tenantId, g.userId, async (tx) => {
    const existing = await tx.authorization.findFirst({
      where: { tenantId: g.tenantId, userId: g.userId, consumerId: g.client.id, revokedAt: null },
      select: { id: true, scopes: true },
      orderBy: { createdAt: "desc" },
    });
    const keepScopes = g.remembered && existing && isSubset(g.scopes, existing.scopes);
    const authorization = existing
      ? await tx.authorization.update({
          where: { id: existing.id },
          data: keepScopes ? {} : { scopes: g.scopes, ...(g.permissions ? { permissions: g.permissions } : {}) },
          select: { id: true },
        })
      : await tx.authorization.create({
          data: { tenantId: g.tenantId, userId: g.userId, consumerId: g.client.id, scopes: g.scopes, permissions: g.permissions },
          select: { id: true },
        });
    await tx.authorizationCode.create({
      data: {
        tenantId: g.tenantId,
        codeHash: g.codeHash,
        consumerId: g.client.id,
        authorizationId: authorization.id,
        userId: g.userId,
        redirectUri: g.redirectUri,
        codeChallenge: g.codeChallenge,
        resource: g.resource,
        scopes: g.scopes,
        expiresAt: g.expiresAt,
      },
    });
    if (!g.remembered) {
      await audit(tx, {
        tenantId: g.tenantId,
        userId: g.userId,
        consumerId: g.client.id,
        action: "oauth.consent.grant",
        entity: "Authorization",
        entityId: authorization.id,
        after: { consumer: g.client.name, scopes: g.scopes },
        ip: g.ip,
      });
    }
  });
}

export async function recordDenial(tenantId: string, userId: string, client: Client, ip: string | null): Promise<void> {
  await withTenant(tenantId, userId, (tx) =>
    audit(tx, { tenantId, userId, consumerId: client.id, action: "oauth.consent.deny", entity: "OAuthConsumer", entityId: client.id, after: { consumer: client.name }, ip }),
  );
}

const isAdmin = (access: Access) => access.permissions.has("settings:edit");

/** App authorizations of the tenant: an admin sees everyone's, other users their own. */
export async function listAuthorizations(access: Access) {
  return withTenant(access.tenantId, access.userId, (tx) =>
    tx.authorization.findMany({
      where: { tenantId: access.tenantId, revokedAt: null, ...(isAdmin(access) ? {} : { userId: access.userId ?? "-" }) },
      select: {
        id: true,
        scopes: true,
        createdAt: true,
        lastUsedAt: true,
        user: { select: { id: true, name: true, email: true } },
        consumer: { select: { id: true, name: true, registration: true } },
      },
      orderBy: { createdAt: "desc" },
    }),
  );
}

/** Revokes an authorization, its refresh tokens and live access tokens in one transaction (§4). */
export async function revokeAuthorization(access: Access, authorizationId: string, ip: string | null = null): Promise<void> {
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const row = await tx.authorization.findFirst({
      where: { id: authorizationId, tenantId: access.tenantId, revokedAt: null },
      select: { id: true, userId: true, consumerId: true },
    });
    if (!row) throw notFound("Authorization not found");
    if (!isAdmin(access) && row.userId !== access.userId) throw forbidden();
    const now = new Date();
    await tx.authorization.update({ where: { id: row.id }, data: { revokedAt: now } });
    await tx.refreshToken.updateMany({ where: { tenantId: access.tenantId, authorizationId: row.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.accessToken.updateMany({ where: { tenantId: access.tenantId, authorizationId: row.id, revokedAt: null }, data: { revokedAt: now } });
    await audit(tx, { tenantId: access.tenantId, userId: access.userId, consumerId: row.consumerId, action: "oauth.authorization.revoke", entity: "Authorization", entityId: row.id, ip });
  });
}
