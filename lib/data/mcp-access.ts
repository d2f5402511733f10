import "server-only";
// What the MCP endpoint needs about a caller on every request, read from current rows in ONE query:
// tenant, consumer and its permission ceiling (its group, the tenant's self-registered group, or the
// authorization's dynamic set), the user and their role in the tenant. lib/tenancy/token-access.ts turns
// it into an Access. The token itself was already checked live by lib/oauth/verify.ts.
import { withTenant, withUser } from "@/lib/db/tenant";

export interface CallerKeys {
  tenantId: string;
  userId: string | null;
  consumerId: string;
  authorizationId: string | null;
}

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

export async function loadCaller(keys: CallerKeys): Promise<CallerRow | null> {
  // "" stands for "none" so no parameter is an untyped NULL.
  const userId = keys.userId ?? "";
  const authorizationId = keys.authorizationId ?? "";
  return withTenant(keys.tenantId, keys.userId, async (tx) => {
    const [row] = await tx.$queryRaw<CallerRow[]>`
      SELECT t."slug" AS "tenantSlug", t."name" AS "tenantName",
             c."name" AS "consumerName", c."tenantId" AS "consumerTenantId", c."dynamicPermissions",
             g."permissions" AS "groupPermissions", sg."permissions" AS "selfRegisteredGroupPermissions",
             a."permissions" AS "authorizationPermissions",
             u."name" AS "userName", u."email" AS "userEmail", r."permissions" AS "rolePermissions"
        FROM "Tenant" t
        JOIN "OAuthConsumer" c ON c."id" = ${keys.consumerId}
        LEFT JOIN "PermissionGroup" g ON g."id" = c."permissionGroupId" AND g."tenantId" = t."id"
        LEFT JOIN "PermissionGroup" sg
               ON c."tenantId" IS NULL AND sg."tenantId" = t."id" AND sg."id" = t."settings"->>'selfRegisteredGroupId'
        LEFT JOIN "Authorization" a ON a."id" = ${authorizationId} AND a."tenantId" = t."id"
        LEFT JOIN "User" u ON u."id" = ${userId}
        LEFT JOIN "Membership" m ON m."tenantId" = t."id" AND m."userId" = ${userId} AND m."active"
        LEFT JOIN "Role" r ON r."id" = m."roleId" AND r."tenantId" = t."id"
       WHERE t."id" = ${keys.tenantId}`;
    return row ?? null;
  });
}

export interface TestCallerRow {
  tenantId: string;
  tenantSlug: string;
  tenantName: string;
  userId: string;
  userName: string;
  userEmail: string;
  rolePermissions: unknown;
}

/**
 * The fixed identity of the conformance test endpoint (app/api/mcp/conformance): a user's membership in a
 * tenant, by slug and email. Never used by the production endpoint.
 */
export async function loadTestCaller(tenantSlug: string, email: string): Promise<TestCallerRow | null> {
  const found = await withUser(null, async (tx) => {
    const tenant = await tx.tenant.findUnique({ where: { slug: tenantSlug }, select: { id: true, slug: true, name: true } });
    const user = await tx.user.findFirst({ where: { email, active: true }, select: { id: true, name: true, email: true } });
    return tenant && user ? { tenant, user } : null;
  });
  if (!found) return null;
  const { tenant, user } = found;
  const membership = await withTenant(tenant.id, user.id, (tx) =>
    tx.membership.findFirst({
      where: { tenantId: tenant.id, userId: user.id, active: true },
      select: { role: { select: { permissions: true } } },
    }),
  );
  if (!membership) return null;
  return {
    tenantId: tenant.id,
    tenantSlug: tenant.slug,
    tenantName: tenant.name,
    userId: user.id,
    userName: user.name,
    userEmail: user.email,
    rolePermissions: membership.role.permissions,
  };
}
