import "server-only";
// Creating a work order with its tenant-unique sequential code (WO-000123). The number comes from the
// tenant's "workorder" counter, bumped with one UPSERT … RETURNING inside the creating transaction: the
// row lock it takes makes concurrent creations queue for the next number instead of sharing one, and a
// rolled-back creation gives its number back.
import { withTenant, type Tx } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";
import { workOrderCreateSchema, type WorkOrderCreateInput } from "@/lib/validation/work-order";
import { toInstant } from "@/lib/validation/work-order-dates";
import { formatCode, parse, recordAudit, requireAsset, requireLocation, requireMembers, requirePlan, requireRight, tenantSettings } from "./shared";

async function nextNumber(tx: Tx, tenantId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "TenantCounter" ("tenantId", name, value) VALUES (${tenantId}, 'workorder', 1)
    ON CONFLICT ("tenantId", name) DO UPDATE SET value = "TenantCounter".value + 1
    RETURNING value`;
  return Number(row.value);
}

export async function createWorkOrder(access: Access, input: WorkOrderCreateInput) {
  requireRight(access, "create");
  const data = parse(workOrderCreateSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const settings = await tenantSettings(tx, access.tenantId);
    const asset = data.assetId ? await requireAsset(tx, access, data.assetId) : null;
    const location = data.locationId ? await requireLocation(tx, access, data.locationId) : null;
    const plan = data.planId ? await requirePlan(tx, access, data.planId) : null;
    const assignees = await requireMembers(tx, access, data.assignees ?? [], true);
    const number = await nextNumber(tx, access.tenantId);
    const code = formatCode(settings.prefix, number);

    const wo = await tx.workOrder.create({
      data: {
        tenantId: access.tenantId,
        number,
        code,
        title: data.title,
        description: data.description || null,
        type: data.type,
        priority: data.priority,
        assetId: asset?.id ?? null,
        // The asset's location unless the work is somewhere else.
        locationId: location?.id ?? asset?.locationId ?? null,
        planId: plan?.id ?? null,
        dueAt: data.dueAt ? toInstant(data.dueAt, settings.timeZone, "end") : null,
        estimatedHours: data.estimatedHours ?? null,
        createdById: access.userId,
      },
      select: { id: true, code: true, status: true },
    });
    if (assignees.length) {
      await tx.workOrderAssignee.createMany({
        data: assignees.map((u) => ({ tenantId: access.tenantId, workOrderId: wo.id, userId: u.id })),
      });
    }
    if (data.tasks?.length) {
      await tx.workOrderTask.createMany({
        data: data.tasks.map((description, i) => ({ tenantId: access.tenantId, workOrderId: wo.id, position: i + 1, description })),
      });
    }
    if (data.checklist?.length) {
      await tx.checklistItem.createMany({
        data: data.checklist.map((c, i) => ({ tenantId: access.tenantId, workOrderId: wo.id, position: i + 1, label: c.label, kind: c.kind })),
      });
    }
    await recordAudit(tx, access, "create", wo.id, undefined, {
      code,
      title: data.title,
      type: data.type,
      priority: data.priority,
      asset: asset?.code ?? null,
      assignees: assignees.map((u) => u.email),
    });
    return wo;
  });
}
