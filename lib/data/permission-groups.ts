import "server-only";
// Permission groups: the ceiling of rights an OAuth consumer may exercise in the tenant (ARCHITECTURE.md §3:
// effective = group ∩ role ∩ scopes). Changing a group narrows or widens every live token of its consumers
// on their next call. A group still in use cannot be deleted: its consumers would silently lose every right.
import { withTenant, type Tx } from "@/lib/db/tenant";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { permissionMatrixSchema, type PermissionMatrix } from "@/lib/tenancy/permissions";
import type { PermissionGroupInput } from "@/lib/validation/settings-access";
import { readTenantSettings } from "@/lib/validation/settings";
import { audit } from "./audit";
import { lockTenant, requireSettings } from "./settings";

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

async function selfRegisteredGroupId(tx: Tx, tenantId: string): Promise<string | undefined> {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  return readTenantSettings(tenant?.settings).selfRegisteredGroupId;
}

export async function listPermissionGroups(access: Access) {
  requireSettings(access, "view");
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const rows = await tx.permissionGroup.findMany({
      where: { tenantId: access.tenantId },
      select: { id: true, name: true, permissions: true, _count: { select: { consumers: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    });
    const aiGroup = await selfRegisteredGroupId(tx, access.tenantId);
    return rows.map(({ _count, permissions, ...g }) => ({
      ...g,
      permissions: matrix(permissions),
      consumers: _count.consumers,
      selfRegistered: g.id === aiGroup,
    }));
  });
}
export type PermissionGroupSummary = Awaited<ReturnType<typeof listPermissionGroups>>[number];

export async function getPermissionGroup(access: Access, id: string) {
  requireSettings(access, "view");
  const row = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.permissionGroup.findFirst({ where: { id, tenantId: access.tenantId }, select: { id: true, name: true, permissions: true } }),
  );
  if (!row) throw notFound("Permission group not found");
  return { ...row, permissions: matrix(row.permissions) };
}

export async function createPermissionGroup(access: Access, input: PermissionGroupInput, ip: string | null = null): Promise<{ id: string }> {
  requireSettings(access, "create");
  return guardName(() =>
    withTenant(access.tenantId, access.userId, async (tx) => {
      const row = await tx.permissionGroup.create({
        data: { tenantId: access.tenantId, name: input.name, permissions: input.permissions },
        select: { id: true },
      });
      await audit(tx, access, { ip, action: "permissiongroup.create", entity: "PermissionGroup", entityId: row.id, after: { name: input.name, permissions: input.permissions } });
      return row;
    }),
  );
}

export async function updatePermissionGroup(access: Access, id: string, input: PermissionGroupInput, ip: string | null = null): Promise<void> {
  requireSettings(access, "edit");
  await guardName(() =>
    withTenant(access.tenantId, access.userId, async (tx) => {
      const before = await tx.permissionGroup.findFirst({ where: { id, tenantId: access.tenantId }, select: { id: true, name: true, permissions: true } });
      if (!before) throw notFound("Permission group not found");
      await tx.permissionGroup.update({ where: { id: before.id }, data: { name: input.name, permissions: input.permissions } });
      await audit(tx, access, { ip,
        action: "permissiongroup.update",
        entity: "PermissionGroup",
        entityId: id,
        before: { name: before.name, permissions: matrix(before.permissions) },
        after: { name: input.name, permissions: input.permissions },
      });
    }),
  );
}

export async function deletePermissionGroup(access: Access, id: string, ip: string | null = null): Promise<void> {
  requireSettings(access, "delete");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    // Under the tenant lock: Security cannot pick this group as the AI-connector ceiling mid-delete.
    await lockTenant(tx, access.tenantId);
    const row = await tx.permissionGroup.findFirst({ where: { id, tenantId: access.tenantId }, select: { id: true, name: true } });
    if (!row) throw notFound("Permission group not found");
    const consumers = await tx.oAuthConsumer.count({ where: { tenantId: access.tenantId, permissionGroupId: id } });
    if (consumers > 0 || (await selfRegisteredGroupId(tx, access.tenantId)) === id) throw new AppError("conflict", "groupInUse");
    await tx.permissionGroup.delete({ where: { id: row.id } });
    await audit(tx, access, { ip, action: "permissiongroup.delete", entity: "PermissionGroup", entityId: id, before: { name: row.name } });
  });
}

/** Names and ids only, for pickers (consumer form, Security); any settings viewer may list them. */
export async function permissionGroupOptions(access: Access) {
  requireSettings(access, "view");
  return withTenant(access.tenantId, access.userId, (tx) =>
    tx.permissionGroup.findMany({ where: { tenantId: access.tenantId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  );
}
