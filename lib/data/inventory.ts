import "server-only";
// Inventory: parts, warehouses, stock levels (min/max), movements. Every function takes the caller's Access
// first, checks the inventory right, filters by its tenant inside the query and runs under RLS.
import { withTenant, type Tx } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";
import type { Action } from "@/lib/tenancy/permissions";
import {
  movementInput,
  movementListInput,
  partInput,
  partSearchInput,
  stockLevelsInput,
  stockListInput,
  updatePartInput,
  updateWarehouseInput,
  warehouseInput,
  type MovementInput,
  type MovementListInput,
  type PartInput,
  type PartSearchInput,
  type StockLevelsInput,
  type StockListInput,
  type WarehouseInput,
} from "@/lib/validation/inventory";
import { audit } from "./audit";
import { moveStock } from "./inventory-stock";
import { clampLimit, decodeCursor, toPage } from "./pagination";

export { applyStockMovement, type StockChange } from "./inventory-stock";
export { partsForUpcomingPm } from "./inventory-pm";

function requireRight(access: Access, action: Action) {
  if (!can(access, "inventory", action)) throw forbidden();
}

function conflictOnCode(what: string) {
  return (e: unknown): never => {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("conflict", `A ${what} with this code already exists`, { field: "code" });
    }
    throw e;
  };
}

const contains = (q: string) => ({ contains: q, mode: "insensitive" as const });

/** Parts by code, with stock on hand across warehouses and whether any warehouse is below its minimum. */
export async function searchParts(access: Access, raw: PartSearchInput) {
  requireRight(access, "view");
  const input = partSearchInput.parse(raw);
  const limit = clampLimit(input.limit);
  const after = decodeCursor(input.cursor);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const rows = await tx.part.findMany({
      where: {
        tenantId: access.tenantId,
        AND: [
          input.q ? { OR: [{ code: contains(input.q) }, { name: contains(input.q) }] } : {},
          after ? { OR: [{ code: { gt: String(after.k) } }, { code: String(after.k), id: { gt: after.id } }] } : {},
        ],
      },
      select: { id: true, code: true, name: true, unit: true, unitCost: true, stocks: { select: { quantity: true, min: true } } },
      orderBy: [{ code: "asc" }, { id: "asc" }],
      take: limit + 1,
    });
    const page = toPage(rows, limit, (r) => r.code);
    return {
      ...page,
      items: page.items.map(({ stocks, unitCost, ...p }) => ({
        ...p,
        unitCost: unitCost.toNumber(),
        onHand: stocks.reduce((sum, s) => sum + s.quantity, 0),
        warehouses: stocks.length,
        belowMinimum: stocks.some((s) => s.quantity < s.min),
      })),
    };
  });
}

export async function getPart(access: Access, id: string) {
  requireRight(access, "view");
  const part = await withTenant(access.tenantId, access.userId, async (tx) => {
    const row = await tx.part.findFirst({
      where: { id, tenantId: access.tenantId },
      select: {
        id: true,
        code: true,
        name: true,
        unit: true,
        unitCost: true,
        stocks: {
          select: { id: true, quantity: true, min: true, max: true, warehouse: { select: { id: true, code: true, name: true } } },
          orderBy: { warehouse: { code: "asc" } },
        },
        movements: {
          select: { id: true, kind: true, quantity: true, note: true, at: true, workOrderId: true, warehouse: { select: { code: true } } },
          orderBy: [{ at: "desc" }, { id: "desc" }],
          take: 20,
        },
      },
    });
    return row && { ...row, unitCost: row.unitCost.toNumber(), movements: await withWorkOrderCodes(tx, access.tenantId, row.movements) };
  });
  if (!part) throw notFound("Part not found");
  return part;
}

export async function createPart(access: Access, raw: PartInput): Promise<{ id: string }> {
  requireRight(access, "create");
  const input = partInput.parse(raw);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const part = await tx.part.create({ data: { tenantId: access.tenantId, ...input }, select: { id: true } }).catch(conflictOnCode("part"));
    await audit(tx, access, { action: "part.create", entity: "Part", entityId: part.id, after: input });
    return part;
  });
}

export async function updatePart(access: Access, raw: PartInput & { id: string }): Promise<void> {
  requireRight(access, "edit");
  const { id, ...input } = updatePartInput.parse(raw);
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const before = await tx.part.findFirst({ where: { id, tenantId: access.tenantId }, select: { code: true, name: true, unit: true, unitCost: true } });
    if (!before) throw notFound("Part not found");
    await tx.part.update({ where: { id }, data: input }).catch(conflictOnCode("part"));
    await audit(tx, access, { action: "part.update", entity: "Part", entityId: id, before: { ...before, unitCost: before.unitCost.toNumber() }, after: input });
  });
}

export async function listWarehouses(access: Access) {
  requireRight(access, "view");
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const rows = await tx.warehouse.findMany({
      where: { tenantId: access.tenantId },
      select: { id: true, code: true, name: true, stocks: { select: { quantity: true, min: true } } },
      orderBy: { code: "asc" },
      take: 500,
    });
    return rows.map(({ stocks, ...w }) => ({ ...w, parts: stocks.length, belowMinimum: stocks.filter((s) => s.quantity < s.min).length }));
  });
}

export async function createWarehouse(access: Access, raw: WarehouseInput): Promise<{ id: string }> {
  requireRight(access, "create");
  const input = warehouseInput.parse(raw);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const w = await tx.warehouse.create({ data: { tenantId: access.tenantId, ...input }, select: { id: true } }).catch(conflictOnCode("warehouse"));
    await audit(tx, access, { action: "warehouse.create", entity: "Warehouse", entityId: w.id, after: input });
    return w;
  });
}

export async function updateWarehouse(access: Access, raw: WarehouseInput & { id: string }): Promise<void> {
  requireRight(access, "edit");
  const { id, ...input } = updateWarehouseInput.parse(raw);
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const before = await tx.warehouse.findFirst({ where: { id, tenantId: access.tenantId }, select: { code: true, name: true } });
    if (!before) throw notFound("Warehouse not found");
    await tx.warehouse.update({ where: { id }, data: input }).catch(conflictOnCode("warehouse"));
    await audit(tx, access, { action: "warehouse.update", entity: "Warehouse", entityId: id, before, after: input });
  });
}

/** Stock rows by part code; `belowMinimum` keeps those whose quantity is under their minimum. */
export async function listStock(access: Access, raw: StockListInput) {
  requireRight(access, "view");
  const input = stockListInput.parse(raw);
  const limit = clampLimit(input.limit);
  const after = decodeCursor(input.cursor);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    if (input.warehouseId && !(await tx.warehouse.findFirst({ where: { id: input.warehouseId, tenantId: access.tenantId }, select: { id: true } }))) {
      throw notFound("Warehouse not found");
    }
    const rows = await tx.stock.findMany({
      where: {
        tenantId: access.tenantId,
        ...(input.warehouseId ? { warehouseId: input.warehouseId } : {}),
        ...(input.belowMinimum ? { quantity: { lt: tx.stock.fields.min } } : {}),
        AND: [
          input.q ? { part: { OR: [{ code: contains(input.q) }, { name: contains(input.q) }] } } : {},
          after ? { OR: [{ part: { code: { gt: String(after.k) } } }, { part: { code: String(after.k) }, id: { gt: after.id } }] } : {},
        ],
      },
      select: {
        id: true,
        quantity: true,
        min: true,
        max: true,
        updatedAt: true,
        part: { select: { id: true, code: true, name: true, unit: true } },
        warehouse: { select: { id: true, code: true, name: true } },
      },
      orderBy: [{ part: { code: "asc" } }, { id: "asc" }],
      take: limit + 1,
    });
    return toPage(rows, limit, (r) => r.part.code);
  });
}

export async function setStockLevels(access: Access, raw: StockLevelsInput): Promise<void> {
  requireRight(access, "edit");
  const input = stockLevelsInput.parse(raw);
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const [part, warehouse] = [
      await tx.part.findFirst({ where: { id: input.partId, tenantId: access.tenantId }, select: { id: true } }),
      await tx.warehouse.findFirst({ where: { id: input.warehouseId, tenantId: access.tenantId }, select: { id: true } }),
    ];
    if (!part) throw notFound("Part not found");
    if (!warehouse) throw notFound("Warehouse not found");
    const levels = { min: input.min, max: input.max ?? null };
    await tx.stock.upsert({
      where: { tenantId_partId_warehouseId: { tenantId: access.tenantId, partId: input.partId, warehouseId: input.warehouseId } },
      create: { tenantId: access.tenantId, partId: input.partId, warehouseId: input.warehouseId, quantity: 0, ...levels },
      update: levels,
    });
    await audit(tx, access, { action: "stock.levels", entity: "Part", entityId: input.partId, after: { warehouseId: input.warehouseId, ...levels } });
  });
}

export async function recordMovement(access: Access, raw: MovementInput): Promise<Record<string, number>> {
  requireRight(access, "edit");
  const input = movementInput.parse(raw);
  return withTenant(access.tenantId, access.userId, (tx) => moveStock(tx, access, input));
}

export async function listMovements(access: Access, raw: MovementListInput) {
  requireRight(access, "view");
  const input = movementListInput.parse(raw);
  const limit = clampLimit(input.limit);
  const after = decodeCursor(input.cursor);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const rows = await tx.stockMovement.findMany({
      where: {
        tenantId: access.tenantId,
        ...(input.partId ? { partId: input.partId } : {}),
        ...(input.warehouseId ? { warehouseId: input.warehouseId } : {}),
        ...(input.kind ? { kind: input.kind } : {}),
        ...(after ? { OR: [{ at: { lt: new Date(String(after.k)) } }, { at: new Date(String(after.k)), id: { lt: after.id } }] } : {}),
      },
      select: {
        id: true,
        kind: true,
        quantity: true,
        note: true,
        at: true,
        workOrderId: true,
        part: { select: { id: true, code: true, name: true, unit: true } },
        warehouse: { select: { id: true, code: true } },
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: limit + 1,
    });
    const page = toPage(rows, limit, (r) => r.at.toISOString());
    return { ...page, items: await withWorkOrderCodes(tx, access.tenantId, page.items) };
  });
}

/** StockMovement.workOrderId is a plain column (no relation): the codes come in one more query. */
async function withWorkOrderCodes<T extends { workOrderId: string | null }>(tx: Tx, tenantId: string, movements: T[]) {
  const ids = [...new Set(movements.flatMap((m) => (m.workOrderId ? [m.workOrderId] : [])))];
  const codes = new Map(
    ids.length ? (await tx.workOrder.findMany({ where: { tenantId, id: { in: ids } }, select: { id: true, code: true } })).map((w) => [w.id, w.code]) : [],
  );
  return movements.map((m) => ({ ...m, workOrderCode: m.workOrderId ? (codes.get(m.workOrderId) ?? null) : null }));
}

/** Parts and warehouses a movement or stock form can pick from. */
export async function inventoryFormOptions(access: Access) {
  requireRight(access, "view");
  return withTenant(access.tenantId, access.userId, async (tx) => ({
    parts: await tx.part.findMany({ where: { tenantId: access.tenantId }, select: { id: true, code: true, name: true, unit: true }, orderBy: { code: "asc" }, take: 1000 }),
    warehouses: await tx.warehouse.findMany({ where: { tenantId: access.tenantId }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
  }));
}
