import "server-only";
// The fixed identity of the conformance test endpoint. (Real callers are read with their token, in one
// transaction: lib/data/oauth-access.ts.)
import { withTenant, withUser } from "@/lib/db/tenant";

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
