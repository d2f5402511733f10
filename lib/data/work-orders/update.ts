import "server-only";
// Editing a work order's header and its assignees. The audit row keeps only the fields that changed,
// before and after.
import { withTenant } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Access } from "@/lib/tenancy/access";
import { workOrderAssignSchema, workOrderUpdateSchema, type WorkOrderAssignInput, type WorkOrderUpdateInput } from "@/lib/validation/work-order";
import { toInstant } from "@/lib/validation/work-order-dates";
import { lockWorkOrder, parse, recordAudit, requireAsset, requireLocation, requireMembers, requireRight, tenantSettings } from "./shared";

type Scalar = string | number | boolean | null;
const plain = (v: unknown): Scalar => (v instanceof Date ? v.toISOString() : (v as Scalar));

export async function updateWorkOrder(access: Access, input: WorkOrderUpdateInput) {
  requireRight(access, "edit");
  const { workOrder, ...fields } = parse(workOrderUpdateSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const locked = await lockWorkOrder(tx, access, workOrder);
    const { timeZone } = await tenantSettings(tx, access.tenantId);
    const data: Prisma.WorkOrderUncheckedUpdateInput = {};
    if (fields.title !== undefined) data.title = fields.title;
    if (fields.description !== undefined) data.description = fields.description || null;
    if (fields.type !== undefined) data.type = fields.type;
    if (fields.priority !== undefined) data.priority = fields.priority;
    if (fields.estimatedHours !== undefined) data.estimatedHours = fields.estimatedHours;
    if (fields.dueAt !== undefined) data.dueAt = fields.dueAt === null ? null : toInstant(fields.dueAt, timeZone, "end");
    if (fields.assetId !== undefined) data.assetId = fields.assetId === null ? null : (await requireAsset(tx, access, fields.assetId)).id;
    if (fields.locationId !== undefined) {
      data.locationId = fields.locationId === null ? null : (await requireLocation(tx, access, fields.locationId)).id;
    }

    const current = await tx.workOrder.findUniqueOrThrow({ where: { id: locked.id } });
    const before: Record<string, Scalar> = {};
    const after: Record<string, Scalar> = {};
    for (const [key, value] of Object.entries(data)) {
      const old = plain(current[key as keyof typeof current]);
      if (old !== plain(value)) {
        before[key] = old;
        after[key] = plain(value);
      }
    }
    if (Object.keys(after).length === 0) return { id: locked.id, code: locked.code, changed: [] as string[] };
    await tx.workOrder.update({ where: { id: locked.id }, data });
    await recordAudit(tx, access, "update", locked.id, before, after);
    return { id: locked.id, code: locked.code, changed: Object.keys(after) };
  });
}

/** Replaces the assignee list. Each must be an active member whose role works on work orders. */
export async function assignWorkOrder(access: Access, input: WorkOrderAssignInput) {
  requireRight(access, "edit");
  const data = parse(workOrderAssignSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const locked = await lockWorkOrder(tx, access, data.workOrder);
    const members = await requireMembers(tx, access, data.assignees, true);
    const current = await tx.workOrderAssignee.findMany({
      where: { tenantId: access.tenantId, workOrderId: locked.id },
      select: { user: { select: { id: true, email: true } } },
    });
    const keep = new Set(members.map((m) => m.id));
    const had = new Set(current.map((c) => c.user.id));
    await tx.workOrderAssignee.deleteMany({ where: { tenantId: access.tenantId, workOrderId: locked.id, userId: { notIn: [...keep] } } });
    const added = members.filter((m) => !had.has(m.id));
    if (added.length) {
      await tx.workOrderAssignee.createMany({
        data: added.map((m) => ({ tenantId: access.tenantId, workOrderId: locked.id, userId: m.id })),
      });
    }
    const unchanged = added.length === 0 && current.length === members.length;
    if (!unchanged) {
      await recordAudit(
        tx,
        access,
        "assign",
        locked.id,
        { assignees: current.map((c) => c.user.email) },
        { assignees: members.map((m) => m.email) },
      );
    }
    return { id: locked.id, code: locked.code, assignees: members.map((m) => ({ id: m.id, name: m.name })) };
  });
}
