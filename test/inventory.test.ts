// Inventory through lib/data against the seeded database: parts, warehouses, min/max, the below-minimum
// view, movements that never take stock below zero (also when two issues race), parts for upcoming PM,
// rights, and tenant isolation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import {
  createPart,
  createWarehouse,
  getPart,
  inventoryFormOptions,
  listMovements,
  listStock,
  listWarehouses,
  partsForUpcomingPm,
  recordMovement,
  searchParts,
  setStockLevels,
  updatePart,
} from "@/lib/data/inventory";
import type { Access } from "@/lib/tenancy/access";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";

afterAll(async () => (await db()).$disconnect());

const as = (tenantId: string, role: keyof typeof BUILT_IN_ROLES): Access => ({
  tenantId,
  userId: null,
  consumerId: null,
  permissions: toPermissions(BUILT_IN_ROLES[role].permissions),
});
const admin = as("tenant-acme", "administrator");
const tech = as("tenant-acme", "technician");
const globex = as("tenant-globex", "administrator");

let partId: string;
let wh1: string;
let wh2: string;
let globexPart: { id: string; warehouseId: string };

beforeAll(async () => {
  wh1 = (await createWarehouse(admin, { code: "T-WH1", name: "Test store 1" })).id;
  wh2 = (await createWarehouse(admin, { code: "T-WH2", name: "Test store 2" })).id;
  partId = (await createPart(admin, { code: "T-BRG-1", name: "Test bearing", unit: "pcs", unitCost: 12.5 })).id;
  globexPart = await withTenant("tenant-globex", null, async (tx) => {
    const s = await tx.stock.findFirstOrThrow({ select: { partId: true, warehouseId: true } });
    return { id: s.partId, warehouseId: s.warehouseId };
  });
});

describe("inventory", () => {
  it("receives, issues, adjusts and transfers, keeping a movement for each", async () => {
    expect(await recordMovement(tech, { kind: "receipt", partId, warehouseId: wh1, quantity: 10, note: "PO 1" })).toEqual({ [wh1]: 10 });
    expect(await recordMovement(tech, { kind: "issue", partId, warehouseId: wh1, quantity: 3 })).toEqual({ [wh1]: 7 });
    expect(await recordMovement(tech, { kind: "adjustment", partId, warehouseId: wh1, quantity: -1, note: "count" })).toEqual({ [wh1]: 6 });
    expect(await recordMovement(tech, { kind: "transfer", partId, warehouseId: wh1, toWarehouseId: wh2, quantity: 2.5 })).toEqual({ [wh1]: 3.5, [wh2]: 2.5 });
    const part = await getPart(admin, partId);
    expect(part.stocks.map((s) => [s.warehouse.code, s.quantity])).toEqual([["T-WH1", 3.5], ["T-WH2", 2.5]]);
    expect(part.movements.map((m) => [m.kind, m.quantity]).sort()).toEqual(
      [["adjustment", -1], ["issue", -3], ["receipt", 10], ["transfer", -2.5], ["transfer", 2.5]].sort(),
    );
    const moves = await listMovements(admin, { partId, limit: 2 });
    expect(moves.items).toHaveLength(2);
    expect(moves.nextCursor).not.toBeNull();
  });

  it("never lets stock go negative, even when two issues race for the last units", async () => {
    await expect(recordMovement(tech, { kind: "issue", partId, warehouseId: wh1, quantity: 4 })).rejects.toMatchObject({ code: "conflict" });
    await expect(recordMovement(tech, { kind: "adjustment", partId, warehouseId: wh2, quantity: -3 })).rejects.toMatchObject({ code: "conflict" });
    const results = await Promise.allSettled([
      recordMovement(tech, { kind: "issue", partId, warehouseId: wh1, quantity: 2 }),
      recordMovement(tech, { kind: "issue", partId, warehouseId: wh1, quantity: 2 }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await getPart(admin, partId)).stocks.find((s) => s.warehouse.code === "T-WH1")?.quantity).toBe(1.5);
  });

  it("issues to a work order as parts used on it", async () => {
    const wo = await withTenant("tenant-acme", null, (tx) =>
      tx.workOrder.findFirstOrThrow({ where: { status: "in_progress" }, select: { id: true } }),
    );
    await recordMovement(tech, { kind: "issue", partId, warehouseId: wh2, quantity: 1, workOrderId: wo.id });
    const usage = await withTenant("tenant-acme", null, (tx) => tx.partUsage.findFirst({ where: { workOrderId: wo.id, partId } }));
    expect(usage).toMatchObject({ quantity: 1, warehouseId: wh2 });
    expect(usage?.unitCost.toNumber()).toBe(12.5);
    const done = await withTenant("tenant-acme", null, (tx) => tx.workOrder.findFirstOrThrow({ where: { status: "completed" }, select: { id: true } }));
    await expect(recordMovement(tech, { kind: "issue", partId, warehouseId: wh2, quantity: 1, workOrderId: done.id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("sets min/max and lists what is below its minimum", async () => {
    await setStockLevels(admin, { partId, warehouseId: wh1, min: 5, max: 20 });
    await expect(setStockLevels(admin, { partId, warehouseId: wh1, min: 5, max: 2 })).rejects.toThrow(/Maximum/);
    const below = await listStock(admin, { belowMinimum: true, limit: 100 });
    expect(below.items.length).toBeGreaterThan(1); // the seed leaves some below their minimum too
    for (const s of below.items) expect(s.quantity).toBeLessThan(s.min);
    expect(below.items.some((s) => s.part.id === partId && s.warehouse.id === wh1)).toBe(true);
    const search = await searchParts(admin, { q: "test bearing" });
    // On hand: 1.5 in T-WH1 + 1.5 in T-WH2 (2.5 transferred, 1 issued to a work order).
    expect(search.items).toMatchObject([{ code: "T-BRG-1", onHand: 3, warehouses: 2, belowMinimum: true, unitCost: 12.5 }]);
    const warehouses = await listWarehouses(admin);
    expect(warehouses.find((w) => w.code === "T-WH1")).toMatchObject({ parts: 1, belowMinimum: 1 });
  });

  it("edits parts and refuses duplicate codes", async () => {
    await updatePart(admin, { id: partId, code: "T-BRG-1", name: "Test bearing 6204", unit: "pcs", unitCost: 13 });
    expect((await getPart(admin, partId)).name).toBe("Test bearing 6204");
    await expect(createPart(admin, { code: "T-BRG-1", name: "dup", unit: "pcs", unitCost: 1 })).rejects.toMatchObject({ code: "conflict" });
  });

  it("estimates the parts upcoming PM needs from what past PM work orders used", async () => {
    const { items } = await partsForUpcomingPm(admin, { days: 60 });
    expect(items.length).toBeGreaterThan(0);
    for (const p of items) {
      expect(p.needed).toBeGreaterThan(0);
      expect(p.plans.length).toBeGreaterThan(0);
      expect(p.shortfall).toBeCloseTo(Math.max(0, p.needed - p.onHand), 2);
    }
  });

  it("applies role rights", async () => {
    const viewer = as("tenant-acme", "read_only");
    expect((await searchParts(viewer, {})).items.length).toBeGreaterThan(0);
    await expect(recordMovement(viewer, { kind: "receipt", partId, warehouseId: wh1, quantity: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createPart(tech, { code: "T-X", name: "x", unit: "pcs", unitCost: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setStockLevels(viewer, { partId, warehouseId: wh1, min: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(searchParts(as("tenant-acme", "requester"), {})).rejects.toMatchObject({ code: "forbidden" });
  });

  it("never shows or moves another tenant's stock", async () => {
    await expect(getPart(admin, globexPart.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(recordMovement(admin, { kind: "issue", partId: globexPart.id, warehouseId: globexPart.warehouseId, quantity: 1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(recordMovement(admin, { kind: "receipt", partId, warehouseId: globexPart.warehouseId, quantity: 1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(setStockLevels(admin, { partId: globexPart.id, warehouseId: wh1, min: 1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(updatePart(admin, { id: globexPart.id, code: "HIJACK", name: "x", unit: "pcs", unitCost: 1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(listStock(admin, { warehouseId: globexPart.warehouseId })).rejects.toMatchObject({ code: "not_found" });
    const options = await inventoryFormOptions(admin);
    expect(options.parts.some((p) => p.id === globexPart.id)).toBe(false);
    const globexSearch = await searchParts(globex, { limit: 100 });
    expect(globexSearch.items.some((p) => p.id === partId)).toBe(false);
    const globexStock = await listStock(globex, { belowMinimum: true, limit: 100 });
    expect(globexStock.items.some((s) => s.part.id === partId)).toBe(false);
    expect((await getPart(globex, globexPart.id)).id).toBe(globexPart.id);
  });
});
