import "server-only";
// Stock movements: receipts, issues, adjustments and transfers. Stock never goes negative: a decrease is one
// conditional `UPDATE … WHERE quantity + delta >= 0`, so two concurrent issues cannot both take the last
// unit. Each movement writes a StockMovement row (and an audit row) in the same transaction.
import type { Tx } from "@/lib/db/tenant";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import type { MovementInput } from "@/lib/validation/inventory";
import { audit } from "./audit";

type Kind = "receipt" | "issue" | "adjustment" | "transfer";

export interface StockChange {
  partId: string;
  warehouseId: string;
  /** signed: positive adds, negative removes */
  delta: number;
  kind: Kind;
  workOrderId?: string | null;
  note?: string | null;
  at?: Date;
}

/**
 * Applies one signed change to a stock row (creating it on a first receipt) and records the movement.
 * Returns the new quantity. For use inside another lib/data transaction too (e.g. parts used on a work
 * order): the caller has already checked rights and that the part and warehouse are the tenant's.
 */
export async function applyStockMovement(tx: Tx, tenantId: string, change: StockChange): Promise<number> {
  const at = (change.at ?? new Date()).toISOString();
  let rows: { quantity: number }[];
  if (change.delta >= 0) {
    rows = await tx.$queryRaw`
      INSERT INTO "Stock" (id, "tenantId", "partId", "warehouseId", quantity, min, "createdAt", "updatedAt")
      VALUES (gen_random_uuid()::text, ${tenantId}, ${change.partId}, ${change.warehouseId}, ${change.delta}, 0, ${at}::timestamp, ${at}::timestamp)
      ON CONFLICT ("tenantId", "partId", "warehouseId")
      DO UPDATE SET quantity = round(("Stock".quantity + ${change.delta})::numeric, 4)::float8, "updatedAt" = ${at}::timestamp
      RETURNING quantity`;
  } else {
    rows = await tx.$queryRaw`
      UPDATE "Stock" SET quantity = round((quantity + ${change.delta})::numeric, 4)::float8, "updatedAt" = ${at}::timestamp
       WHERE "tenantId" = ${tenantId} AND "partId" = ${change.partId} AND "warehouseId" = ${change.warehouseId}
         AND round((quantity + ${change.delta})::numeric, 4) >= 0
      RETURNING quantity`;
    if (rows.length === 0) {
      const stock = await tx.stock.findFirst({ where: { tenantId, partId: change.partId, warehouseId: change.warehouseId }, select: { quantity: true } });
      throw new AppError("conflict", `Not enough stock: ${stock?.quantity ?? 0} on hand`, { onHand: stock?.quantity ?? 0 });
    }
  }
  await tx.stockMovement.create({
    data: {
      tenantId,
      partId: change.partId,
      warehouseId: change.warehouseId,
      kind: change.kind,
      quantity: change.delta,
      workOrderId: change.workOrderId ?? null,
      note: change.note ?? null,
      at: new Date(at),
    },
  });
  return rows[0].quantity;
}

async function mustExist(tx: Tx, tenantId: string, input: MovementInput) {
  const part = await tx.part.findFirst({ where: { id: input.partId, tenantId }, select: { id: true, unitCost: true } });
  if (!part) throw notFound("Part not found");
  const warehouseIds = input.kind === "transfer" ? [input.warehouseId, input.toWarehouseId] : [input.warehouseId];
  if ((await tx.warehouse.count({ where: { tenantId, id: { in: warehouseIds } } })) !== warehouseIds.length) {
    throw notFound("Warehouse not found");
  }
  return part;
}

/** One movement as the inventory page or a tool records it. Returns the new quantities by warehouse. */
export async function moveStock(tx: Tx, access: Access, input: MovementInput): Promise<Record<string, number>> {
  const { tenantId } = access;
  const part = await mustExist(tx, tenantId, input);
  const note = input.note ?? null;
  const after: Record<string, number> = {};
  switch (input.kind) {
    case "receipt":
      after[input.warehouseId] = await applyStockMovement(tx, tenantId, { ...input, delta: input.quantity, note });
      break;
    case "adjustment":
      after[input.warehouseId] = await applyStockMovement(tx, tenantId, { ...input, delta: input.quantity, note });
      break;
    case "issue": {
      let workOrderId: string | null = null;
      if (input.workOrderId || input.workOrderCode) {
        const wo = await tx.workOrder.findFirst({
          where: { tenantId, ...(input.workOrderId ? { id: input.workOrderId } : { code: input.workOrderCode }) },
          select: { id: true, status: true },
        });
        if (!wo) throw notFound("Work order not found");
        if (wo.status === "completed" || wo.status === "cancelled") {
          throw new AppError("conflict", "Parts cannot be issued to a completed or cancelled work order");
        }
        workOrderId = wo.id;
      }
      after[input.warehouseId] = await applyStockMovement(tx, tenantId, { ...input, workOrderId, delta: -input.quantity, note });
      // Issued to a work order = used on it: the usage carries today's unit cost into the work order's cost.
      if (workOrderId) {
        await tx.partUsage.create({
          data: { tenantId, workOrderId, partId: input.partId, warehouseId: input.warehouseId, quantity: input.quantity, unitCost: part.unitCost },
        });
      }
      break;
    }
    case "transfer":
      after[input.warehouseId] = await applyStockMovement(tx, tenantId, { ...input, delta: -input.quantity, note: note ?? "Transfer out" });
      after[input.toWarehouseId] = await applyStockMovement(tx, tenantId, {
        ...input,
        warehouseId: input.toWarehouseId,
        delta: input.quantity,
        note: note ?? "Transfer in",
      });
      break;
  }
  await audit(tx, access, { action: `stock.${input.kind}`, entity: "Part", entityId: input.partId, after: { ...input, quantities: after } });
  return after;
}
