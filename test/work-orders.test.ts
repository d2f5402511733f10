// Work order operations against the real seeded database: codes (also under concurrency), edits and
// their audit rows, assignment rules, checklist answers per kind, time and parts with their costs and
// stock, and the rights each role has.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import {
  addChecklistItem,
  addPartUsage,
  addTask,
  answerChecklistItem,
  assignWorkOrder,
  createWorkOrder,
  getWorkOrder,
  listAssignableUsers,
  listWorkOrders,
  logTime,
  setFailureCoding,
  setTaskDone,
  updateWorkOrder,
} from "@/lib/data/work-orders";
import { ACME, accessAs, acmeAdmin, acmeTech, freshWorkOrder, sampleIds, USERS } from "./work-orders-fixtures";

let ids: Awaited<ReturnType<typeof sampleIds>>;
beforeAll(async () => {
  ids = await sampleIds(ACME);
});
afterAll(async () => {
  await (await db()).$disconnect();
});

const counter = () =>
  withTenant(ACME, null, (tx) => tx.tenantCounter.findUniqueOrThrow({ where: { tenantId_name: { tenantId: ACME, name: "workorder" } } }));

describe("creating", () => {
  it("continues the tenant's sequence, fills the location from the asset and records everything", async () => {
    const { value } = await counter();
    const wo = await createWorkOrder(acmeAdmin(), {
      title: "  Replace coupling  ",
      assetId: ids.childAsset,
      dueAt: "2030-06-15",
      assignees: ["tech@acme.test", USERS.multi],
      tasks: ["Isolate", "Replace", "Test"],
      checklist: [
        { label: "Guard fitted", kind: "yes_no" },
        { label: "Motor current (A)", kind: "number" },
      ],
    });
    expect(wo.code).toBe(`WO-${String(value + 1).padStart(6, "0")}`);
    const d = await getWorkOrder(acmeTech(), wo.code);
    const asset = await withTenant(ACME, null, (tx) => tx.asset.findUniqueOrThrow({ where: { id: ids.childAsset } }));
    expect(d).toMatchObject({ id: wo.id, title: "Replace coupling", type: "corrective", priority: 3, status: "open", allowedTransitions: ["in_progress", "cancelled"] });
    expect(d.location?.id).toBe(asset.locationId);
    expect(d.assignees.map((a) => a.id).sort()).toEqual([USERS.multi, USERS.tech].sort());
    expect(d.tasks.map((t) => t.description)).toEqual(["Isolate", "Replace", "Test"]);
    expect(d.checklist.map((c) => c.kind)).toEqual(["yes_no", "number"]);
    // A bare day is due by the end of that day in the tenant's zone (acme: America/Chicago, UTC−5 in June).
    expect(d.dueAt?.toISOString()).toBe("2030-06-16T04:59:59.999Z");
    expect(d.createdBy).toEqual({ id: USERS.admin, name: "Alex Morgan" });
    expect(d.history).toHaveLength(1);
    expect(d.history[0]).toMatchObject({ action: "workorder.create", after: { code: wo.code, assignees: ["tech@acme.test", "multi@fettle.test"] } });
  });

  it("20 parallel creations get 20 distinct consecutive codes", async () => {
    const { value } = await counter();
    const made = await Promise.all(Array.from({ length: 20 }, (_, i) => freshWorkOrder(acmeTech(), { title: `Parallel ${i}` })));
    const numbers = made.map((w) => Number(w.code.slice(3))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => value + 1 + i));
    expect((await counter()).value).toBe(value + 20);
  });

  it("rejects bad input with the field named, and a failed creation gives its number back", async () => {
    const { value } = await counter();
    await expect(createWorkOrder(acmeAdmin(), { title: "", priority: 9 })).rejects.toMatchObject({ code: "invalid", message: expect.stringMatching(/title.*priority|priority.*title/s) });
    await expect(createWorkOrder(acmeAdmin(), { title: "x", assignees: ["nobody@acme.test"] })).rejects.toMatchObject({ code: "not_found" });
    expect((await counter()).value).toBe(value);
  });
});

describe("assigning", () => {
  it("takes only active members whose role works on work orders, and audits the change", async () => {
    const wo = await freshWorkOrder();
    await expect(assignWorkOrder(acmeAdmin(), { workOrder: wo.id, assignees: ["viewer@acme.test"] })).rejects.toMatchObject({ code: "invalid" });
    await expect(assignWorkOrder(acmeAdmin(), { workOrder: wo.id, assignees: ["requester@acme.test"] })).rejects.toMatchObject({ code: "invalid" });
    await withTenant(ACME, null, (tx) => tx.membership.updateMany({ where: { tenantId: ACME, userId: USERS.multi }, data: { active: false } }));
    try {
      await expect(assignWorkOrder(acmeAdmin(), { workOrder: wo.id, assignees: [USERS.multi] })).rejects.toMatchObject({ code: "not_found" });
      expect((await listAssignableUsers(acmeAdmin())).map((u) => u.id)).not.toContain(USERS.multi);
    } finally {
      await withTenant(ACME, null, (tx) => tx.membership.updateMany({ where: { tenantId: ACME, userId: USERS.multi }, data: { active: true } }));
    }
    const r = await assignWorkOrder(acmeAdmin(), { workOrder: wo.code, assignees: ["TECH@acme.test", USERS.tech] });
    expect(r.assignees).toEqual([{ id: USERS.tech, name: "Taylor Reyes" }]);
    await assignWorkOrder(acmeAdmin(), { workOrder: wo.id, assignees: [] });
    const d = await getWorkOrder(acmeAdmin(), wo.id);
    expect(d.assignees).toEqual([]);
    expect(d.history.filter((h) => h.action === "workorder.assign").map((h) => h.after)).toEqual([{ assignees: [] }, { assignees: ["tech@acme.test"] }]);
  });
});

describe("editing", () => {
  it("audits only the fields that changed, and clears optional ones with null", async () => {
    const wo = await freshWorkOrder(acmeAdmin(), { description: "Old", estimatedHours: 2, assetId: ids.childAsset });
    const r = await updateWorkOrder(acmeTech(), { workOrder: wo.id, title: "Test work order", priority: 1, description: null, assetId: null });
    expect(r.changed.sort()).toEqual(["assetId", "description", "priority"]);
    const d = await getWorkOrder(acmeTech(), wo.id);
    expect(d).toMatchObject({ priority: 1, description: null, asset: null, estimatedHours: 2 });
    expect(d.history[0]).toMatchObject({
      action: "workorder.update",
      before: { priority: 3, description: "Old", assetId: ids.childAsset },
      after: { priority: 1, description: null, assetId: null },
    });
    expect((await updateWorkOrder(acmeTech(), { workOrder: wo.id, priority: 1 })).changed).toEqual([]);
  });

  it("checks checklist answers against the item's kind", async () => {
    const wo = await freshWorkOrder(acmeAdmin(), {
      checklist: [
        { label: "Guard", kind: "yes_no" },
        { label: "Current", kind: "number" },
        { label: "Condition", kind: "pass_flag_fail" },
        { label: "Notes", kind: "text" },
      ],
    });
    const [yesNo, num, pff, text] = (await getWorkOrder(acmeTech(), wo.id)).checklist;
    const answer = (itemId: string, value: string | null) => answerChecklistItem(acmeTech(), { workOrder: wo.id, itemId, value });
    await expect(answer(yesNo.id, "maybe")).rejects.toMatchObject({ code: "invalid" });
    await expect(answer(num.id, "twelve")).rejects.toMatchObject({ code: "invalid" });
    await expect(answer(pff.id, "ok")).rejects.toMatchObject({ code: "invalid" });
    expect(await answer(yesNo.id, "yes")).toMatchObject({ value: "yes" });
    expect(await answer(num.id, "12,50")).toMatchObject({ value: "12.5" });
    expect(await answer(pff.id, "flag")).toMatchObject({ value: "flag" });
    expect(await answer(text.id, "Slight weep at the gland")).toMatchObject({ value: "Slight weep at the gland" });
    expect(await answer(yesNo.id, null)).toMatchObject({ value: null });
    // An item of another work order is not found through this one.
    await expect(answerChecklistItem(acmeTech(), { workOrder: wo.id, itemId: ids.openWorkOrder.itemId, value: "yes" })).rejects.toMatchObject({
      code: "not_found",
    });
    const added = await addChecklistItem(acmeTech(), { workOrder: wo.id, label: "Extra", kind: "yes_no" });
    expect(added.position).toBe(5);
  });

  it("ticks tasks and records failure coding on the work order and the task", async () => {
    const wo = await freshWorkOrder(acmeAdmin(), { tasks: ["Diagnose"] });
    const added = await addTask(acmeTech(), { workOrder: wo.id, description: "Repair" });
    const [first] = (await getWorkOrder(acmeTech(), wo.id)).tasks;
    await setTaskDone(acmeTech(), { workOrder: wo.id, taskId: first.id, done: true, durationMinutes: 25 });
    await setFailureCoding(acmeTech(), { workOrder: wo.id, failureCause: "misalignment", taskId: first.id, failureType: "mechanical", failureSeverity: 3 });
    const d = await getWorkOrder(acmeTech(), wo.id);
    expect(d.failureCause).toBe("misalignment");
    expect(d.tasks).toMatchObject([
      { description: "Diagnose", done: true, durationMinutes: 25, failureType: "mechanical", failureCause: "misalignment", failureSeverity: 3 },
      { id: added.id, description: "Repair", done: false, position: 2 },
    ]);
    await setTaskDone(acmeTech(), { workOrder: wo.id, taskId: first.id, done: false });
    expect((await getWorkOrder(acmeTech(), wo.id)).tasks[0]).toMatchObject({ done: false, durationMinutes: 25 });
  });
});

describe("time and parts", () => {
  it("logs time at the person's usual rate, with its cost", async () => {
    const wo = await freshWorkOrder();
    const last = await withTenant(ACME, null, (tx) =>
      tx.timeEntry.findFirstOrThrow({ where: { tenantId: ACME, userId: USERS.tech }, orderBy: [{ startedAt: "desc" }, { id: "desc" }] }),
    );
    const t = await logTime(acmeTech(), { workOrder: wo.id, minutes: 90 });
    expect(t).toMatchObject({ user: { id: USERS.tech }, minutes: 90, rate: Number(last.rate), cost: Math.round(1.5 * Number(last.rate) * 100) / 100 });
    await logTime(acmeAdmin(), { workOrder: wo.id, minutes: 30, user: "tech@acme.test", startedAt: "2030-01-02T08:00:00Z" });
    await expect(logTime(acmeTech(), { workOrder: wo.id, minutes: 0 })).rejects.toMatchObject({ code: "invalid" });
    await expect(logTime(acmeTech(), { workOrder: wo.id, minutes: 10.5 })).rejects.toMatchObject({ code: "invalid" });
    const machine = accessAs(ACME, null, "technician");
    await expect(logTime(machine, { workOrder: wo.id, minutes: 10 })).rejects.toMatchObject({ code: "invalid" });
    const d = await getWorkOrder(acmeTech(), wo.id);
    expect(d.totals.minutes).toBe(120);
    expect(d.totals.labourCost).toBeCloseTo(2 * Number(last.rate), 2);
  });

  it("issues parts from stock in the same transaction and refuses more than there is", async () => {
    const wo = await freshWorkOrder();
    const stockOf = () =>
      withTenant(ACME, null, (tx) => tx.stock.findFirstOrThrow({ where: { tenantId: ACME, partId: ids.partId, warehouseId: ids.warehouseId } }));
    const before = await stockOf();
    const used = await addPartUsage(acmeTech(), { workOrder: wo.id, partId: ids.partId, warehouseId: ids.warehouseId, quantity: 2 });
    expect((await stockOf()).quantity).toBeCloseTo(before.quantity - 2, 6);
    const movement = await withTenant(ACME, null, (tx) => tx.stockMovement.findFirstOrThrow({ where: { tenantId: ACME, workOrderId: wo.id } }));
    expect(movement).toMatchObject({ kind: "issue", quantity: -2, partId: ids.partId, note: `Issued to ${wo.code}` });
    await expect(addPartUsage(acmeTech(), { workOrder: wo.id, partId: ids.partId, warehouseId: ids.warehouseId, quantity: 1e5 })).rejects.toMatchObject({
      code: "conflict",
    });
    expect((await stockOf()).quantity).toBeCloseTo(before.quantity - 2, 6);
    const d = await getWorkOrder(acmeTech(), wo.id);
    expect(d.partsUsed).toHaveLength(1);
    expect(d.totals.partsCost).toBe(used.cost);
    expect(d.totals.cost).toBe(used.cost);
  });
});

describe("rights", () => {
  it("a read-only user lists and reads but cannot change anything; a requester cannot even read", async () => {
    const viewer = accessAs(ACME, USERS.viewer, "read_only");
    const wo = await freshWorkOrder();
    expect((await listWorkOrders(viewer, { limit: 1 })).items).toHaveLength(1);
    expect((await getWorkOrder(viewer, wo.id)).id).toBe(wo.id);
    await expect(freshWorkOrder(viewer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateWorkOrder(viewer, { workOrder: wo.id, title: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(logTime(viewer, { workOrder: wo.id, minutes: 5 })).rejects.toMatchObject({ code: "forbidden" });
    const requester = accessAs(ACME, USERS.requester, "requester");
    await expect(listWorkOrders(requester)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getWorkOrder(requester, wo.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});
