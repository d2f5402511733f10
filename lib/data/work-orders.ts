import "server-only";
// Work orders. Every function takes the caller's Access first, filters by its tenant inside the query
// and runs under RLS for that tenant; a row of another tenant is indistinguishable from a missing one.
import { withTenant } from "@/lib/db/tenant";
import { forbidden, notFound } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";

function requireRight(access: Access, action: "view" | "create" | "edit" | "delete") {
  if (!can(access, "workorders", action)) throw forbidden();
}

const summary = {
  id: true,
  code: true,
  title: true,
  type: true,
  priority: true,
  status: true,
  dueAt: true,
  createdAt: true,
} as const;

export async function listWorkOrders(access: Access, opts: { limit?: number } = {}) {
  requireRight(access, "view");
  const take = Math.min(Math.max(opts.limit ?? 25, 1), 100);
  return withTenant(access.tenantId, access.userId, (tx) =>
    tx.workOrder.findMany({
      where: { tenantId: access.tenantId },
      select: summary,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
    }),
  );
}

export async function countWorkOrders(access: Access) {
  requireRight(access, "view");
  return withTenant(access.tenantId, access.userId, (tx) => tx.workOrder.count({ where: { tenantId: access.tenantId } }));
}

export async function getWorkOrder(access: Access, id: string) {
  requireRight(access, "view");
  const row = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.workOrder.findFirst({ where: { id, tenantId: access.tenantId }, select: summary }),
  );
  if (!row) throw notFound("Work order not found");
  return row;
}

export async function renameWorkOrder(access: Access, id: string, title: string) {
  requireRight(access, "edit");
  const { count } = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.workOrder.updateMany({ where: { id, tenantId: access.tenantId }, data: { title } }),
  );
  if (count === 0) throw notFound("Work order not found");
}
