import "server-only";
// The one tenant gate. Every page, server action and handler of a tenant calls requireTenant(slug): a
// layout check alone protects nothing, since actions and route handlers bypass layouts. Cached per request.
import { cache } from "react";
import { notFound } from "next/navigation";
import { requireUser, type SessionUser } from "@/lib/auth/session";
import { findMembership, listMemberships } from "@/lib/data/users";
import { getRole } from "@/lib/data/roles";
import { toPermissions } from "./permissions";
import type { Access } from "./access";

export { can, type Access } from "./access";
export type { Action, Module, Permissions } from "./permissions";

export type TenantContext = {
  tenant: { id: string; slug: string; name: string; locale: string; timezone: string; currency: string };
  user: SessionUser;
  role: { id: string; name: string; builtIn: string | null };
  access: Access;
};

export const requireTenant = cache(async (slug: string): Promise<TenantContext> => {
  const user = await requireUser();
  const membership = await findMembership(user.id, slug);
  // Not a member and no such tenant look the same: a 404 reveals nothing about other tenants.
  if (!membership) notFound();
  const role = await getRole(membership.tenant.id, membership.roleId);
  if (!role) notFound();
  return {
    tenant: membership.tenant,
    user,
    role: { id: role.id, name: role.name, builtIn: role.builtIn },
    access: {
      tenantId: membership.tenant.id,
      userId: user.id,
      consumerId: null,
      permissions: toPermissions(role.permissions),
    },
  };
});

export async function listUserTenants(userId: string): Promise<{ slug: string; name: string }[]> {
  const rows = await listMemberships(userId);
  return rows.map((m) => ({ slug: m.tenant.slug, name: m.tenant.name }));
}
