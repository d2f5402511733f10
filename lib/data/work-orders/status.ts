import "server-only";
// Moving a work order through the status machine (lib/validation/work-order-status.ts). The row is
// locked first, so the transition is checked against the status as it is now, not as a concurrent
// request last saw it. Side effects happen in the same transaction: start/completion times, the PM
// occurrence the work came from, and downtime the work was holding open.
import { withTenant } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { workOrderStatusSchema, type WorkOrderStatusInput } from "@/lib/validation/work-order";
import { canTransition, nextStatuses, type WorkOrderStatus } from "@/lib/validation/work-order-status";
import { lockWorkOrder, parse, recordAudit, requireRight } from "./shared";

/** Names the moves that are allowed, so a person or an AI client can correct course. */
class IllegalTransition extends AppError {
  constructor(code: string, from: WorkOrderStatus, to: WorkOrderStatus) {
    const allowed = nextStatuses(from);
    super(
      "conflict",
      allowed.length
        ? `${code} cannot move from ${from} to ${to}. Allowed next statuses: ${allowed.join(", ")}.`
        : `${code} cannot move from ${from} to ${to}: ${from} is final and can no longer be changed.`,
      { from, to, allowed },
    );
  }
}

export async function changeWorkOrderStatus(access: Access, input: WorkOrderStatusInput) {
  requireRight(access, "edit");
  const data = parse(workOrderStatusSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const locked = await lockWorkOrder(tx, access, data.workOrder, "final");
    const from = locked.status;
    const to = data.status;
    if (!canTransition(from, to)) throw new IllegalTransition(locked.code, from, to);

    const now = new Date();
    const current = await tx.workOrder.findUniqueOrThrow({ where: { id: locked.id }, select: { startedAt: true } });
    await tx.workOrder.update({
      where: { id: locked.id },
      data: {
        status: to,
        ...(to === "in_progress" && !current.startedAt ? { startedAt: now } : {}),
        ...(to === "completed" ? { completedAt: now } : {}),
      },
    });
    if (to === "completed" || to === "cancelled") {
      // A PM occurrence is done when its work is; a cancelled one was skipped.
      await tx.pmOccurrence.updateMany({
        where: { tenantId: access.tenantId, workOrderId: locked.id },
        data: { status: to === "completed" ? "done" : "skipped" },
      });
    }
    if (to === "completed") {
      // Downtime this repair was holding open ends with it (MTTR counts restoration until completion).
      await tx.downtime.updateMany({ where: { tenantId: access.tenantId, workOrderId: locked.id, endedAt: null }, data: { endedAt: now } });
    }
    if (data.note) {
      await tx.comment.create({ data: { tenantId: access.tenantId, workOrderId: locked.id, authorId: access.userId, body: data.note } });
    }
    await recordAudit(tx, access, "status", locked.id, { status: from }, { status: to, ...(data.note ? { note: data.note } : {}) });
    return { id: locked.id, code: locked.code, from, status: to, allowedTransitions: [...nextStatuses(to)] };
  });
}
