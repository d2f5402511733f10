import "server-only";
// Account and membership lookups that happen before a tenant is chosen (sign-in, tenant switcher).
import { withUser } from "@/lib/db/tenant";

export async function findUserByEmail(email: string) {
  return withUser(null, (tx) =>
    tx.user.findUnique({
      where: { email: email.trim().toLowerCase() },
      select: { id: true, email: true, name: true, passwordHash: true, active: true, locale: true },
    }),
  );
}

export async function findActiveUser(userId: string) {
  return withUser(userId, (tx) =>
    tx.user.findFirst({
      where: { id: userId, active: true },
      select: { id: true, email: true, name: true, locale: true },
    }),
  );
}

/** The tenants a user may enter, ordered by name. RLS shows a user only their own memberships here. */
export async function listMemberships(userId: string) {
  return withUser(userId, (tx) =>
    tx.membership.findMany({
      where: { userId, active: true },
      select: { tenant: { select: { id: true, slug: true, name: true } } },
      orderBy: { tenant: { name: "asc" } },
    }),
  );
}

/** The user's membership in the tenant with this slug, with its role, or null. */
export async function findMembership(userId: string, slug: string) {
  return withUser(userId, async (tx) => {
    const tenant = await tx.tenant.findUnique({
      where: { slug },
      select: { id: true, slug: true, name: true, locale: true, timezone: true, currency: true },
    });
    if (!tenant) return null;
    const membership = await tx.membership.findFirst({
      where: { userId, tenantId: tenant.id, active: true },
      select: { roleId: true },
    });
    if (!membership) return null;
    return { tenant, roleId: membership.roleId };
  });
}
