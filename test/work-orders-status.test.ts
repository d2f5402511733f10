// The work order status machine: the pure table, then every legal and illegal move through lib/data
// against the real database, the timestamps they set, and completed work orders refusing every change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import {
  addChecklistItem,
  addComment,
  addPartUsage,
  addTask,
  answerChecklistItem,
  assignWorkOrder,
  changeWorkOrderStatus,
  getWorkOrder,
  logTime,
  setFailureCoding,
  setTaskDone,
  updateWorkOrder,
} from "@/lib/data/work-orders";
import { canTransition, isFinal, nextStatuses, WORK_ORDER_STATUSES, type WorkOrderStatus } from "@/lib/validation/work-order-status";
import { ACME, acmeAdmin, acmeTech, freshWorkOrder, sampleIds, USERS } from "./work-orders-fixtures";

const LEGAL: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  open: ["in_progress", "cancelled"],
  in_progress: ["on_hold", "in_review", "cancelled"],
  on_hold: ["in_progress", "cancelled"],
  in_review: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};
/** The shortest legal path from open to each status. */
const PATH: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  open: [],
  in_progress: ["in_progress"],
  on_hold: ["in_progress", "on_hold"],
  in_review: ["in_progress", "in_review"],
  completed: ["in_progress", "in_review", "completed"],
  cancelled: ["cancelled"],
};

async function workOrderIn(status: WorkOrderStatus, extra = {}) {
  const wo = await freshWorkOrder(acmeAdmin(), extra);
  for (const step of PATH[status]) await changeWorkOrderStatus(acmeTech(), { workOrder: wo.id, status: step });
  return wo;
}

let ids: Awaited<ReturnType<typeof sampleIds>>;
beforeAll(async () => {
  ids = await sampleIds(ACME);
});
afterAll(async () => {
  await (await db()).$disconnect();
});

describe("status machine (pure)", () => {
  it("allows exactly the moves of ARCHITECTURE.md §2", () => {
    for (const from of WORK_ORDER_STATUSES) {
      expect([...nextStatuses(from)].sort(), from).toEqual([...LEGAL[from]].sort());
      for (const to of WORK_ORDER_STATUSES) expect(canTransition(from, to), `${from} → ${to}`).toBe(LEGAL[from].includes(to));
      expect(isFinal(from)).toBe(from === "completed" || from === "cancelled");
    }
  });
});

describe("status changes through lib/data", () => {
  for (const from of WORK_ORDER_STATUSES) {
    it(`from ${from}: every legal move succeeds, every other is refused naming the allowed ones`, async () => {
      for (const to of WORK_ORDER_STATUSES) {
        const wo = await workOrderIn(from);
        const move = changeWorkOrderStatus(acmeTech(), { workOrder: wo.code, status: to });
        if (LEGAL[from].includes(to)) {
          await expect(move).resolves.toMatchObject({ from, status: to });
          expect((await getWorkOrder(acmeTech(), wo.id)).status).toBe(to);
        } else {
          const error = await move.then(
            () => null,
            (e) => e,
          );
          expect(error, `${from} → ${to}`).toMatchObject({ code: "conflict" });
          expect(error.message).toContain(LEGAL[from].length ? `Allowed next statuses: ${LEGAL[from].join(", ")}` : "is final");
          expect((await getWorkOrder(acmeTech(), wo.id)).status).toBe(from);
        }
      }
    });
  }

  it("sets startedAt on the first start only and completedAt on completion, and audits each move", async () => {
    const wo = await freshWorkOrder();
    await changeWorkOrderStatus(acmeTech(), { workOrder: wo.id, status: "in_progress" });
    const started = (await getWorkOrder(acmeTech(), wo.id)).startedAt;
    expect(started).toBeInstanceOf(Date);
    await changeWorkOrderStatus(acmeTech(), { workOrder: wo.id, status: "on_hold", note: "Waiting for parts" });
    await changeWorkOrderStatus(acmeTech(), { workOrder: wo.id, status: "in_progress" });
    await changeWorkOrderStatus(acmeTech(), { workOrder: wo.id, status: "in_review" });
    const done = await changeWorkOrderStatus(acmeAdmin(), { workOrder: wo.id, status: "completed" });
    expect(done.allowedTransitions).toEqual([]);
    const after = await getWorkOrder(acmeTech(), wo.id);
    expect(after.startedAt).toEqual(started);
    expect(after.completedAt).toBeInstanceOf(Date);
    expect(after.comments.map((c) => c.body)).toEqual(["Waiting for parts"]);
    const moves = after.history.filter((h) => h.action === "workorder.status").map((h) => [h.before, h.after]);
    expect(moves).toHaveLength(5);
    expect(moves[0]).toEqual([{ status: "in_review" }, { status: "completed" }]);
    expect(after.history.at(-1)).toMatchObject({ action: "workorder.create", actor: { kind: "user", id: USERS.admin } });
  });

  it("completing ends the downtime the work held open and marks its PM occurrence done", async () => {
    const wo = await workOrderIn("in_review", { assetId: ids.childAsset, planId: ids.plan });
    const since = new Date(Date.now() - 3_600_000);
    await withTenant(ACME, null, async (tx) => {
      await tx.downtime.create({ data: { tenantId: ACME, assetId: ids.childAsset, workOrderId: wo.id, startedAt: since } });
      await tx.pmOccurrence.create({ data: { tenantId: ACME, planId: ids.plan, dueAt: new Date("2099-01-01T00:00:00Z"), status: "in_wo", workOrderId: wo.id } });
    });
    await changeWorkOrderStatus(acmeTech(), { workOrder: wo.id, status: "completed" });
    const [downtime, occurrence] = await withTenant(ACME, null, async (tx) => [
      await tx.downtime.findFirstOrThrow({ where: { workOrderId: wo.id } }),
      await tx.pmOccurrence.findFirstOrThrow({ where: { workOrderId: wo.id } }),
    ]);
    expect(downtime.endedAt).toBeInstanceOf(Date);
    expect(occurrence.status).toBe("done");
  });
});

describe("final work orders", () => {
  it("a completed work order refuses every change, and nothing about it changes", async () => {
    const wo = await workOrderIn("completed", { tasks: ["Step"], checklist: [{ label: "Guard fitted", kind: "yes_no" }] });
    const before = await getWorkOrder(acmeAdmin(), wo.id);
    const a = acmeAdmin();
    const w = wo.id;
    const attempts: [string, () => Promise<unknown>][] = [
      ["update", () => updateWorkOrder(a, { workOrder: w, title: "Changed" })],
      ["assign", () => assignWorkOrder(a, { workOrder: w, assignees: [USERS.tech] })],
      ["comment", () => addComment(a, { workOrder: w, body: "Late note" })],
      ["time", () => logTime(a, { workOrder: w, minutes: 30 })],
      ["task", () => setTaskDone(a, { workOrder: w, taskId: before.tasks[0].id, done: true })],
      ["add task", () => addTask(a, { workOrder: w, description: "More" })],
      ["checklist", () => answerChecklistItem(a, { workOrder: w, itemId: before.checklist[0].id, value: "yes" })],
      ["add item", () => addChecklistItem(a, { workOrder: w, label: "More", kind: "text" })],
      ["failure", () => setFailureCoding(a, { workOrder: w, failureCause: "wear" })],
      ["part", () => addPartUsage(a, { workOrder: w, partId: ids.partId, warehouseId: ids.warehouseId, quantity: 1 })],
      ["reopen", () => changeWorkOrderStatus(a, { workOrder: w, status: "in_progress" })],
      ["cancel", () => changeWorkOrderStatus(a, { workOrder: w, status: "cancelled" })],
    ];
    for (const [name, attempt] of attempts) {
      const error = await attempt().then(
        () => null,
        (e) => e,
      );
      expect(error, name).toMatchObject({ code: "conflict" });
      expect(error.message, name).toMatch(/completed.*can no longer be changed/);
    }
    const after = await getWorkOrder(acmeAdmin(), wo.id);
    expect({ ...after, history: after.history.length }).toEqual({ ...before, history: before.history.length });
  });

  it("a cancelled work order takes comments but no other change", async () => {
    const wo = await workOrderIn("cancelled");
    await expect(addComment(acmeTech(), { workOrder: wo.id, body: "Duplicate of another job" })).resolves.toMatchObject({ body: "Duplicate of another job" });
    await expect(updateWorkOrder(acmeTech(), { workOrder: wo.id, priority: 1 })).rejects.toMatchObject({ code: "conflict" });
    await expect(logTime(acmeTech(), { workOrder: wo.id, minutes: 10 })).rejects.toMatchObject({ code: "conflict" });
  });
});
