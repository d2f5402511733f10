import "server-only";
// Roles: the built-in profiles every tenant starts with (read-only) and the tenant's custom roles, each a
// module × {view, create, edit, delete} matrix. A role change applies on the member's next request and
// the next call of every token they granted (rights are computed from current rows, ARCHITECTURE.md §3).
import { withTenant, type Tx } from "@/lib/db/tenant";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { permissionMatrixSchema, type PermissionMatrix } from "@/lib/tenancy/permissions";
import type { RoleInput } from "@/lib/validation/settings-access";
import { audit } from "./audit";
import { requireAnAdministrator } from "./members";
import { lockTenant, requireSettings } from "./settings";

/** The tenant gate's lookup (lib/tenancy): no permission check, the gate runs before there is an Access. */
export async function getRole(tenantId: string, roleId: string) {
  return withTenant(tenantId, null, (tx) =>
    tx.role.findFirst({
      where: { id: roleId, tenantId },
      select: { id: true, name: true, builtIn: true, permissions: true },
    }),
  );
}

const matrix = (raw: unknown): PermissionMatrix => permissionMatrixSchema.catch({}).parse(raw);
const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";

async function guardName<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", "nameTaken");
    throw e;
  }
}

/** Built-in profiles first (in their fixed order), then custom roles by name; with member counts. */
export async function listRoles(access: Access) {
  requireSettings(access, "view");
  const rows = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.role.findMany({
      where: { tenantId: access.tenantId },
      select: { id: true, name: true, builtIn: true, permissions: true, _count: { select: { memberships: true } } },
      orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    }),
  );
  const builtIn = rows.filter((r) => r.builtIn);
  const custom = rows.filter((r) => !r.builtIn).sort((a, b) => a.name.localeCompare(b.name));
  return [...builtIn, ...custom].map(({ _count, permissions, ...r }) => ({ ...r, permissions: matrix(permissions), members: _count.memberships }));
}
export type RoleSummary = Awaited<ReturnType<typeof listRoles>>[number];

export async function getRoleDetail(access: Access, id: string) {
  requireSettings(access, "view");
  const row = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.role.findFirst({ where: { id, tenantId: access.tenantId }, select: { id: true, name: true, builtIn: true, permissions: true } }),
  );
  if (!row) throw notFound("Role not found");
  return { ...row, permissions: matrix(row.permissions) };
}

export async function createRole(access: Access, input: RoleInput, ip: string | null = null): Promise<{ id: string }> {
  requireSettings(access, "create");
  return guardName(() =>
    withTenant(access.tenantId, access.userId, async (tx) => {
      const row = await tx.role.create({
        data: { tenantId: access.tenantId, name: input.name, permissions: input.permissions, builtIn: null },
        select: { id: true },
      });
      await audit(tx, access, { ip, action: "role.create", entity: "Role", entityId: row.id, after: { name: input.name, permissions: input.permissions } });
      return row;
    }),
  );
}

async function findCustom(tx: Tx, access: Access, id: string) {
  const row = await tx.role.findFirst({ where: { id, tenantId: access.tenantId }, select: { id: true, name: true, builtIn: true, permissions: true } });
  if (!row) throw notFound("Role not found");
  if (row.builtIn) throw new AppError("conflict", "builtInReadOnly");
  return row;
}

export async function updateRole(access: Access, id: string, input: RoleInput, ip: string | null = null): Promise<void> {
  requireSettings(access, "edit");
  await guardName(() =>
    withTenant(access.tenantId, access.userId, async (tx) => {
      await lockTenant(tx, access.tenantId);
      const before = await findCustom(tx, access, id);
      await tx.role.update({ where: { id: before.id }, data: { name: input.name, permissions: input.permissions } });
      // Taking "settings: edit" away from the only role that has it would lock every admin out.
      await requireAnAdministrator(tx, access.tenantId);
      await audit(tx, access, { ip,
        action: "role.update",
        entity: "Role",
        entityId: id,
        before: { name: before.name, permissions: matrix(before.permissions) },
        after: { name: input.name, permissions: input.permissions },
      });
    }),
  );
}

export async function deleteRole(access: Access, id: string, ip: string | null = null): Promise<void> {
  requireSettings(access, "delete");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const row = await findCustom(tx, access, id);
    const members = await tx.membership.count({ where: { tenantId: access.tenantId, roleId: id } });
    if (members > 0) throw new AppError("conflict", "roleInUse", { members });
    await tx.role.delete({ where: { id: row.id } });
    await audit(tx, access, { ip, action: "role.delete", entity: "Role", entityId: id, before: { name: row.name } });
  });
}
