import "server-only";
// What gets recorded against a work order: comments, labour time (with the rate it costs) and the spare
// parts it consumed (with the stock issue, in the same transaction, so stock and usage never disagree).
import { withTenant, type Tx } from "@/lib/db/tenant";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import {
  workOrderCommentSchema,
  workOrderPartSchema,
  workOrderTimeSchema,
  type WorkOrderCommentInput,
  type WorkOrderPartInput,
  type WorkOrderTimeInput,
} from "@/lib/validation/work-order";
import { toInstant } from "@/lib/validation/work-order-dates";
import { lockWorkOrder, money, parse, recordAudit, requireMembers, requireRight, tenantSettings } from "./shared";

/** Cancelled work still takes comments (e.g. why it was cancelled); completed work takes nothing. */
export async function addComment(access: Access, input: WorkOrderCommentInput) {
  requireRight(access, "edit");
  const data = parse(workOrderCommentSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const wo = await lockWorkOrder(tx, access, data.workOrder, "cancelled");
    const comment = await tx.comment.create({
      data: { tenantId: access.tenantId, workOrderId: wo.id, authorId: access.userId, body: data.body },
      select: { id: true, body: true, createdAt: true },
    });
    await recordAudit(tx, access, "comment", wo.id, undefined, { comment: data.body.slice(0, 200) });
    return comment;
  });
}

/** The person's own rate from their latest entry in this tenant, else the tenant's default labour rate. */
async function labourRate(tx: Tx, access: Access, userId: string): Promise<number> {
  const last = await tx.timeEntry.findFirst({
    where: { tenantId: access.tenantId, userId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    select: { rate: true },
  });
  return last ? Number(last.rate) : (await tenantSettings(tx, access.tenantId)).labourRate;
}

export async function logTime(access: Access, input: WorkOrderTimeInput) {
  requireRight(access, "edit");
  const data = parse(workOrderTimeSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const wo = await lockWorkOrder(tx, access, data.workOrder);
    const who = data.user ?? access.userId;
    if (!who) throw new AppError("invalid", "user is required when acting without a signed-in user");
    const [member] = await requireMembers(tx, access, [who], false);
    const { timeZone } = await tenantSettings(tx, access.tenantId);
    const startedAt = data.startedAt ? toInstant(data.startedAt, timeZone, "start") : new Date(Date.now() - data.minutes * 60_000);
    const rate = await labourRate(tx, access, member.id);
    const entry = await tx.timeEntry.create({
      data: { tenantId: access.tenantId, workOrderId: wo.id, userId: member.id, startedAt, minutes: data.minutes, rate },
      select: { id: true, startedAt: true, minutes: true, rate: true },
    });
    const cost = money((data.minutes / 60) * rate);
    await recordAudit(tx, access, "time", wo.id, undefined, { user: member.email, minutes: data.minutes, rate, cost });
    return { id: entry.id, code: wo.code, user: { id: member.id, name: member.name }, startedAt, minutes: entry.minutes, rate: money(entry.rate), cost };
  });
}

/** Issues parts from a warehouse to the work order; refuses to take stock below zero. */
export async function addPartUsage(access: Access, input: WorkOrderPartInput) {
  requireRight(access, "edit");
  const data = parse(workOrderPartSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const wo = await lockWorkOrder(tx, access, data.workOrder);
    const part = await tx.part.findFirst({
      where: { id: data.partId, tenantId: access.tenantId },
      select: { id: true, code: true, name: true, unit: true, unitCost: true },
    });
    if (!part) throw notFound("Part not found");
    const warehouse = await tx.warehouse.findFirst({ where: { id: data.warehouseId, tenantId: access.tenantId }, select: { id: true, code: true } });
    if (!warehouse) throw notFound("Warehouse not found");
    // One conditional decrement: two technicians taking the last unit cannot both succeed.
    const taken = await tx.stock.updateMany({
      where: { tenantId: access.tenantId, partId: part.id, warehouseId: warehouse.id, quantity: { gte: data.quantity } },
      data: { quantity: { decrement: data.quantity } },
    });
    if (taken.count === 0) {
      const stock = await tx.stock.findFirst({ where: { tenantId: access.tenantId, partId: part.id, warehouseId: warehouse.id }, select: { quantity: true } });
      throw new AppError("conflict", `Not enough ${part.code} in ${warehouse.code}: ${stock?.quantity ?? 0} ${part.unit} in stock`);
    }
    const usage = await tx.partUsage.create({
      data: { tenantId: access.tenantId, workOrderId: wo.id, partId: part.id, warehouseId: warehouse.id, quantity: data.quantity, unitCost: part.unitCost },
      select: { id: true },
    });
    await tx.stockMovement.create({
      data: {
        tenantId: access.tenantId,
        partId: part.id,
        warehouseId: warehouse.id,
        kind: "issue",
        quantity: -data.quantity,
        workOrderId: wo.id,
        note: `Issued to ${wo.code}`,
      },
    });
    const cost = money(data.quantity * Number(part.unitCost));
    await recordAudit(tx, access, "part", wo.id, undefined, { part: part.code, warehouse: warehouse.code, quantity: data.quantity, cost });
    return { id: usage.id, code: wo.code, part: { id: part.id, code: part.code, name: part.name }, quantity: data.quantity, unitCost: money(part.unitCost), cost };
  });
}
