import "server-only";
// One work order with everything the detail page and the MCP `get` tool show: tasks, checklist,
// comments, time with labour cost, parts with their cost, totals, the legal next statuses and the
// history from the audit log.
import { withTenant } from "@/lib/db/tenant";
import { notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { nextStatuses, type WorkOrderStatus } from "@/lib/validation/work-order-status";
import { ENTITY, money, requireRight } from "./shared";
import { summarySelect, toSummary } from "./list";

/** Enough history for a work order's lifetime on screen; older rows stay in the Transactions log. */
const HISTORY_LIMIT = 100;

export async function getWorkOrder(access: Access, ref: string) {
  requireRight(access, "view");
  const found = await withTenant(access.tenantId, access.userId, async (tx) => {
    const candidates = await tx.workOrder.findMany({
      where: { tenantId: access.tenantId, OR: [{ id: ref }, { code: ref }] },
      select: {
        ...summarySelect,
        description: true,
        estimatedHours: true,
        failureCause: true,
        createdById: true,
        plan: { select: { id: true, code: true, name: true } },
        request: { select: { id: true, code: true } },
        tasks: { orderBy: { position: "asc" } },
        checklist: { orderBy: { position: "asc" } },
        comments: { orderBy: { createdAt: "asc" }, include: { author: { select: { id: true, name: true } } } },
        timeEntries: { orderBy: { startedAt: "asc" }, include: { user: { select: { id: true, name: true } } } },
        partUsages: {
          orderBy: { createdAt: "asc" },
          include: {
            part: { select: { id: true, code: true, name: true, unit: true } },
            warehouse: { select: { id: true, code: true, name: true } },
          },
        },
      },
      take: 2,
    });
    const wo = candidates.find((c) => c.id === ref) ?? candidates[0];
    if (!wo) return null;
    // One connection per transaction: queries in it run one after the other anyway.
    const history = await tx.auditLog.findMany({
      where: { tenantId: access.tenantId, entity: ENTITY, entityId: wo.id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: HISTORY_LIMIT,
      select: {
        id: true,
        at: true,
        action: true,
        before: true,
        after: true,
        user: { select: { id: true, name: true } },
        consumer: { select: { id: true, name: true } },
      },
    });
    // createdById has no relation in the schema; users are global rows, so read the name directly.
    const createdBy = wo.createdById ? await tx.user.findUnique({ where: { id: wo.createdById }, select: { id: true, name: true } }) : null;
    return { wo, history, createdBy };
  });
  if (!found) throw notFound("Work order not found");
  const { wo, history } = found;

  const time = wo.timeEntries.map((t) => ({
    id: t.id,
    user: t.user,
    startedAt: t.startedAt,
    minutes: t.minutes,
    rate: money(t.rate),
    cost: money((t.minutes / 60) * Number(t.rate)),
  }));
  const parts = wo.partUsages.map((p) => ({
    id: p.id,
    part: p.part,
    warehouse: p.warehouse,
    quantity: p.quantity,
    unitCost: money(p.unitCost),
    cost: money(p.quantity * Number(p.unitCost)),
    createdAt: p.createdAt,
  }));
  const labourCost = money(time.reduce((s, t) => s + t.cost, 0));
  const partsCost = money(parts.reduce((s, p) => s + p.cost, 0));

  return {
    ...toSummary(wo),
    description: wo.description,
    estimatedHours: wo.estimatedHours,
    failureCause: wo.failureCause,
    plan: wo.plan,
    request: wo.request,
    createdBy: found.createdBy,
    allowedTransitions: [...nextStatuses(wo.status as WorkOrderStatus)],
    tasks: wo.tasks.map((t) => ({
      id: t.id,
      position: t.position,
      description: t.description,
      done: t.done,
      durationMinutes: t.durationMinutes,
      failureType: t.failureType,
      failureCause: t.failureCause,
      failureSeverity: t.failureSeverity,
    })),
    checklist: wo.checklist.map((c) => ({ id: c.id, position: c.position, label: c.label, kind: c.kind, value: c.value })),
    comments: wo.comments.map((c) => ({ id: c.id, author: c.author, body: c.body, createdAt: c.createdAt })),
    timeEntries: time,
    partsUsed: parts,
    totals: {
      minutes: time.reduce((s, t) => s + t.minutes, 0),
      labourCost,
      partsCost,
      cost: money(labourCost + partsCost),
    },
    history: history.map((h) => ({
      id: h.id,
      at: h.at,
      action: h.action,
      actor: h.consumer ? { kind: "consumer" as const, ...h.consumer, user: h.user } : h.user ? { kind: "user" as const, ...h.user } : null,
      before: h.before,
      after: h.after,
    })),
  };
}
export type WorkOrderDetail = Awaited<ReturnType<typeof getWorkOrder>>;
