// Shared by the work order integration tests: accesses as the seeded demo users, and real ids of each
// kind from a tenant (read through the app's own RLS-scoped client, as that tenant).
import { withTenant } from "@/lib/db/tenant";
import { createWorkOrder } from "@/lib/data/work-orders";
import type { Access } from "@/lib/tenancy/access";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { WorkOrderCreateInput } from "@/lib/validation/work-order";

export const ACME = "tenant-acme";
export const GLOBEX = "tenant-globex";
export const USERS = {
  admin: "user-admin-acme",
  tech: "user-tech-acme",
  viewer: "user-viewer-acme",
  requester: "user-requester-acme",
  multi: "user-multi-fettle",
  globexAdmin: "user-admin-globex",
  globexTech: "user-daniel-kim-globex",
} as const;

export function accessAs(tenantId: string, userId: string | null, role: keyof typeof BUILT_IN_ROLES): Access {
  return { tenantId, userId, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES[role].permissions) };
}

export const acmeAdmin = () => accessAs(ACME, USERS.admin, "administrator");
export const acmeTech = () => accessAs(ACME, USERS.tech, "technician");
export const globexAdmin = () => accessAs(GLOBEX, USERS.globexAdmin, "administrator");

/** A fresh open work order in acme, so tests never depend on (or disturb) another test's rows. */
export function freshWorkOrder(access = acmeAdmin(), extra: Partial<WorkOrderCreateInput> = {}) {
  return createWorkOrder(access, { title: "Test work order", type: "corrective", priority: 3, ...extra });
}

/** One real id of every kind a work order operation takes, from `tenantId`'s own rows. */
export function sampleIds(tenantId: string) {
  return withTenant(tenantId, null, async (tx) => {
    const where = { tenantId };
    const parentAsset = await tx.asset.findFirstOrThrow({ where: { ...where, children: { some: {} } }, orderBy: { code: "asc" } });
    const childAsset = await tx.asset.findFirstOrThrow({ where: { ...where, parentId: parentAsset.id } });
    const parentLocation = await tx.location.findFirstOrThrow({ where: { ...where, children: { some: {} } }, orderBy: { code: "asc" } });
    const stock = await tx.stock.findFirstOrThrow({ where: { ...where, quantity: { gt: 5 } }, orderBy: { id: "asc" } });
    const plan = await tx.maintenancePlan.findFirstOrThrow({ where, orderBy: { code: "asc" } });
    const open = await tx.workOrder.findFirstOrThrow({
      where: { ...where, status: "open", tasks: { some: {} }, checklist: { some: {} } },
      include: { tasks: true, checklist: true },
      orderBy: { number: "desc" },
    });
    const completed = await tx.workOrder.findFirstOrThrow({ where: { ...where, status: "completed" }, orderBy: { number: "desc" } });
    const member = await tx.membership.findFirstOrThrow({ where, orderBy: { userId: "asc" } });
    return {
      parentAsset: parentAsset.id,
      childAsset: childAsset.id,
      parentLocation: parentLocation.id,
      partId: stock.partId,
      warehouseId: stock.warehouseId,
      plan: plan.id,
      openWorkOrder: { id: open.id, code: open.code, taskId: open.tasks[0].id, itemId: open.checklist[0].id },
      completedWorkOrder: { id: completed.id, code: completed.code },
      userId: member.userId,
    };
  });
}
