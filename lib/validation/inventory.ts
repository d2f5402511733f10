// Inventory: parts, warehouses, stock levels and movements, shared by the inventory pages, the MCP inventory
// tools and REST. Numbers are coerced (form fields arrive as strings); no other transforms, so the schemas
// render as JSON Schema for MCP clients. Forms leave empty optional fields out.
import { z } from "zod";
import { pageInput } from "@/lib/data/pagination";

const id = z.string().min(1).max(200);
const code = z.string().trim().min(1).max(40);
const quantity = z.coerce.number().positive().max(1e7);
const note = z.string().trim().max(500).optional();

export const partInput = z.object({
  code,
  name: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(20).default("pcs"),
  unitCost: z.coerce.number().min(0).max(1e8),
});
export type PartInput = z.infer<typeof partInput>;
export const updatePartInput = partInput.extend({ id });

export const warehouseInput = z.object({ code, name: z.string().trim().min(1).max(200) });
export type WarehouseInput = z.infer<typeof warehouseInput>;
export const updateWarehouseInput = warehouseInput.extend({ id });

export const stockLevelsInput = z
  .object({
    partId: id,
    warehouseId: id,
    min: z.coerce.number().min(0).max(1e7),
    max: z.coerce.number().min(0).max(1e7).optional(),
  })
  .refine((v) => v.max === undefined || v.max >= v.min, { message: "Maximum must not be below minimum", path: ["max"] });
export type StockLevelsInput = z.infer<typeof stockLevelsInput>;

/** receipt adds, issue removes (optionally to a work order), adjustment corrects by a signed amount, transfer moves. */
export const movementInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("receipt"), partId: id, warehouseId: id, quantity, note }),
  z.object({
    kind: z.literal("issue"),
    partId: id,
    warehouseId: id,
    quantity,
    workOrderId: id.optional().describe("Issue to this work order (records the part as used on it)."),
    workOrderCode: z.string().trim().min(1).max(40).optional().describe("Or the work order's code, e.g. WO-000123."),
    note,
  }),
  z.object({
    kind: z.literal("adjustment"),
    partId: id,
    warehouseId: id,
    quantity: z.coerce.number().min(-1e7).max(1e7).refine((v) => v !== 0, "Enter a change other than zero"),
    note,
  }),
  z
    .object({ kind: z.literal("transfer"), partId: id, warehouseId: id, toWarehouseId: id, quantity, note })
    .refine((v) => v.toWarehouseId !== v.warehouseId, { message: "Pick a different warehouse", path: ["toWarehouseId"] }),
]);
export type MovementInput = z.infer<typeof movementInput>;

export const partSearchInput = z.object({
  ...pageInput.shape,
  q: z.string().trim().max(100).optional().describe("Text in the part code or name, e.g. 'bearing' or 'FLT-'."),
});
export type PartSearchInput = z.infer<typeof partSearchInput>;

export const stockListInput = z.object({
  ...pageInput.shape,
  warehouseId: id.optional().describe("Only this warehouse."),
  belowMinimum: z.boolean().optional().describe("Only stock below its minimum level."),
  q: z.string().trim().max(100).optional(),
});
export type StockListInput = z.infer<typeof stockListInput>;

export const movementListInput = z.object({
  ...pageInput.shape,
  partId: id.optional(),
  warehouseId: id.optional(),
  kind: z.enum(["receipt", "issue", "adjustment", "transfer"]).optional(),
});
export type MovementListInput = z.infer<typeof movementListInput>;

export const upcomingPartsInput = z.object({
  days: z.number().int().min(1).max(180).optional().describe("Look ahead this many days (default 30)."),
});
