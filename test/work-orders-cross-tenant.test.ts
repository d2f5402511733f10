// Tenant isolation of the work order data layer: acme's access given globex ids in every id, filter and
// cursor argument gets "not found" or zero rows, and no globex row changes.
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
  countWorkOrders,
  createWorkOrder,
  getWorkOrder,
  listWorkOrders,
  logTime,
  setFailureCoding,
  setTaskDone,
  updateWorkOrder,
} from "@/lib/data/work-orders";
import { ACME, acmeAdmin, freshWorkOrder, GLOBEX, globexAdmin, sampleIds, USERS } from "./work-orders-fixtures";

type Ids = Awaited<ReturnType<typeof sampleIds>>;
let acme: Ids;
let globex: Ids;
let globexBefore: unknown;

/** Everything of globex that an acme write could touch. */
const globexSnapshot = () =>
  withTenant(GLOBEX, null, async (tx) => ({
    workOrders: await tx.workOrder.findMany({ where: { tenantId: GLOBEX }, orderBy: { id: "asc" }, select: { id: true, updatedAt: true, status: true } }),
    tasks: await tx.workOrderTask.count({ where: { tenantId: GLOBEX } }),
    checklist: await tx.checklistItem.findMany({ where: { tenantId: GLOBEX, value: { not: null } }, select: { id: true, value: true }, orderBy: { id: "asc" } }),
    comments: await tx.comment.count({ where: { tenantId: GLOBEX } }),
    time: await tx.timeEntry.count({ where: { tenantId: GLOBEX } }),
    usages: await tx.partUsage.count({ where: { tenantId: GLOBEX } }),
    stock: await tx.stock.findMany({ where: { tenantId: GLOBEX }, select: { id: true, quantity: true }, orderBy: { id: "asc" } }),
    counter: await tx.tenantCounter.findMany({ where: { tenantId: GLOBEX } }),
    audit: await tx.auditLog.count({ where: { tenantId: GLOBEX } }),
  }));

beforeAll(async () => {
  [acme, globex] = [await sampleIds(ACME), await sampleIds(GLOBEX)];
  globexBefore = await globexSnapshot();
});
afterAll(async () => {
  await (await db()).$disconnect();
});

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e,
  );

describe("acme's access with globex ids", () => {
  it("cannot read a globex work order by id", async () => {
    await expect(getWorkOrder(acmeAdmin(), globex.openWorkOrder.id)).rejects.toMatchObject({ code: "not_found" });
    // The same code exists in both tenants: acme gets its own work order, never globex's.
    const own = await getWorkOrder(acmeAdmin(), globex.openWorkOrder.code);
    expect(own.id).not.toBe(globex.openWorkOrder.id);
    expect(own.id.startsWith("acme-")).toBe(true);
  });

  it("cannot write a globex work order through any operation", async () => {
    const a = acmeAdmin();
    const g = globex.openWorkOrder;
    const attempts: [string, () => Promise<unknown>][] = [
      ["update", () => updateWorkOrder(a, { workOrder: g.id, title: "hijacked" })],
      ["status", () => changeWorkOrderStatus(a, { workOrder: g.id, status: "cancelled" })],
      ["assign", () => assignWorkOrder(a, { workOrder: g.id, assignees: [] })],
      ["comment", () => addComment(a, { workOrder: g.id, body: "x" })],
      ["time", () => logTime(a, { workOrder: g.id, minutes: 5 })],
      ["task", () => setTaskDone(a, { workOrder: g.id, taskId: g.taskId, done: true })],
      ["add task", () => addTask(a, { workOrder: g.id, description: "x" })],
      ["checklist", () => answerChecklistItem(a, { workOrder: g.id, itemId: g.itemId, value: "yes" })],
      ["add item", () => addChecklistItem(a, { workOrder: g.id, label: "x", kind: "text" })],
      ["failure", () => setFailureCoding(a, { workOrder: g.id, failureCause: "wear" })],
      ["part", () => addPartUsage(a, { workOrder: g.id, partId: acme.partId, warehouseId: acme.warehouseId, quantity: 1 })],
    ];
    for (const [name, attempt] of attempts) expect(await rejection(attempt()), name).toMatchObject({ code: "not_found" });
  });

  it("cannot reference globex rows from an acme work order", async () => {
    const a = acmeAdmin();
    const wo = await freshWorkOrder(a);
    const attempts: [string, () => Promise<unknown>][] = [
      ["create with asset", () => createWorkOrder(a, { title: "x", assetId: globex.childAsset })],
      ["create with location", () => createWorkOrder(a, { title: "x", locationId: globex.parentLocation })],
      ["create with plan", () => createWorkOrder(a, { title: "x", planId: globex.plan })],
      ["create with assignee", () => createWorkOrder(a, { title: "x", assignees: [USERS.globexTech] })],
      ["update asset", () => updateWorkOrder(a, { workOrder: wo.id, assetId: globex.childAsset })],
      ["update location", () => updateWorkOrder(a, { workOrder: wo.id, locationId: globex.parentLocation })],
      ["assign", () => assignWorkOrder(a, { workOrder: wo.id, assignees: ["daniel.kim@globex.test"] })],
      ["time for", () => logTime(a, { workOrder: wo.id, minutes: 5, user: USERS.globexAdmin })],
      ["task", () => setTaskDone(a, { workOrder: wo.id, taskId: globex.openWorkOrder.taskId, done: true })],
      ["checklist", () => answerChecklistItem(a, { workOrder: wo.id, itemId: globex.openWorkOrder.itemId, value: "yes" })],
      ["failure task", () => setFailureCoding(a, { workOrder: wo.id, failureCause: "wear", taskId: globex.openWorkOrder.taskId })],
      ["part", () => addPartUsage(a, { workOrder: wo.id, partId: globex.partId, warehouseId: acme.warehouseId, quantity: 1 })],
      ["warehouse", () => addPartUsage(a, { workOrder: wo.id, partId: acme.partId, warehouseId: globex.warehouseId, quantity: 1 })],
    ];
    for (const [name, attempt] of attempts) expect(await rejection(attempt()), name).toMatchObject({ code: "not_found" });
    // Nothing stuck to the acme work order either.
    const d = await getWorkOrder(a, wo.id);
    expect({ asset: d.asset, location: d.location, assignees: d.assignees, time: d.timeEntries, parts: d.partsUsed }).toEqual({
      asset: null,
      location: null,
      assignees: [],
      time: [],
      parts: [],
    });
  });

  it("finds nothing of globex through filters and cursors", async () => {
    const a = acmeAdmin();
    for (const filters of [{ assetId: globex.parentAsset }, { locationId: globex.parentLocation }, { assignee: USERS.globexAdmin }, { assignee: "admin@globex.test" }]) {
      expect(await rejection(listWorkOrders(a, filters)), JSON.stringify(filters)).toMatchObject({ code: "not_found" });
      expect(await rejection(countWorkOrders(a, filters)), JSON.stringify(filters)).toMatchObject({ code: "not_found" });
    }
    // A cursor made from a globex page names a position only: acme's next page is acme rows.
    const cursor = (await listWorkOrders(globexAdmin(), { limit: 5 })).nextCursor!;
    for (const args of [{ cursor }, { before: cursor }]) {
      const page = await listWorkOrders(a, { limit: 100, ...args });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.filter((w) => w.id.startsWith("globex-"))).toEqual([]);
    }
    const search = await listWorkOrders(a, { q: globex.openWorkOrder.id, limit: 100 });
    expect(search.items).toEqual([]);
  });

  it("left every globex row as it was", async () => {
    expect(await globexSnapshot()).toEqual(globexBefore);
  });
});
