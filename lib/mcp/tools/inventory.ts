// Inventory tools for ChatGPT / Claude: search parts, stock below minimum, parts needed by upcoming PM,
// and recording a stock movement. Same lib/data functions and zod schemas as the inventory pages.
import { z } from "zod";
import { listStock, partsForUpcomingPm, recordMovement, searchParts } from "@/lib/data/inventory";
import { movementInput, partSearchInput, upcomingPartsInput } from "@/lib/validation/inventory";
import { pageInput } from "@/lib/data/pagination";
import { CREATES, defineTool, READ_ONLY, type ToolDefinition } from "../define";

const READ = ["inventory:read"] as const;
const WRITE = ["inventory:write"] as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const searchPartsTool = defineTool({
  name: "search_parts",
  title: "Search spare parts",
  description:
    "Finds spare parts by text in their code or name (e.g. 'bearing', 'filter'), ordered by code, with the quantity on hand across all warehouses and whether any warehouse holds less than its minimum. Page with nextCursor.",
  scopes: READ,
  permission: ["inventory", "view"],
  annotations: READ_ONLY,
  input: partSearchInput,
  output: z.object({
    items: z.array(
      z.object({
        id: z.string(),
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        unitCost: z.number(),
        onHand: z.number(),
        warehouses: z.number().describe("warehouses stocking it"),
        belowMinimum: z.boolean(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
  async handler(input, { access }) {
    const page = await searchParts(access, input);
    return {
      structured: page,
      summary: `${plural(page.items.length, "part")}${page.nextCursor ? " (more with nextCursor)" : ""}${
        page.items.length ? `: ${page.items.slice(0, 10).map((p) => `${p.code} ${p.name} (${p.onHand} ${p.unit}${p.belowMinimum ? ", below minimum" : ""})`).join("; ")}` : ""
      }.`,
    };
  },
});

const stockBelowMinimum = defineTool({
  name: "list_stock_below_minimum",
  title: "List stock below minimum",
  description:
    "Lists stock lines (a part in a warehouse) whose quantity is below their minimum level — the reorder list — with quantity, minimum, maximum and how many to order to reach the maximum (or the minimum when no maximum is set). Optionally for one warehouse. Page with nextCursor.",
  scopes: READ,
  permission: ["inventory", "view"],
  annotations: READ_ONLY,
  input: z.object({ ...pageInput.shape, warehouseId: z.string().max(200).optional().describe("Only this warehouse.") }),
  output: z.object({
    items: z.array(
      z.object({
        part: z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.string() }),
        warehouse: z.object({ id: z.string(), code: z.string(), name: z.string() }),
        quantity: z.number(),
        min: z.number(),
        max: z.number().nullable(),
        toOrder: z.number(),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
  async handler(input, { access }) {
    const page = await listStock(access, { ...input, belowMinimum: true });
    const items = page.items.map((s) => ({
      part: s.part,
      warehouse: s.warehouse,
      quantity: s.quantity,
      min: s.min,
      max: s.max,
      toOrder: Math.round(((s.max ?? s.min) - s.quantity) * 100) / 100,
    }));
    return {
      structured: { items, nextCursor: page.nextCursor },
      summary: `${plural(items.length, "stock line")} below minimum${page.nextCursor ? " (more with nextCursor)" : ""}${
        items.length ? `: ${items.slice(0, 10).map((s) => `${s.part.code} at ${s.warehouse.code}: ${s.quantity}/${s.min} ${s.part.unit}`).join("; ")}` : ""
      }.`,
    };
  },
});

const partsForPm = defineTool({
  name: "list_parts_for_upcoming_pm",
  title: "Parts needed by upcoming preventive maintenance",
  description:
    "Estimates the spare parts the preventive maintenance due in the next `days` (default 30, overdue PM included) will need, compared with stock on hand; shortfalls first. Plans do not list parts, so the estimate is the average each plan's past completed work orders used, times its occurrences in the window.",
  scopes: READ,
  permission: ["inventory", "view"],
  annotations: READ_ONLY,
  input: upcomingPartsInput,
  output: z.object({
    days: z.number(),
    items: z.array(
      z.object({
        partId: z.string(),
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        needed: z.number(),
        onHand: z.number(),
        shortfall: z.number(),
        plans: z.array(z.string()).describe("codes of the plans that need it"),
      }),
    ),
  }),
  async handler(input, { access }) {
    const out = await partsForUpcomingPm(access, input);
    const short = out.items.filter((p) => p.shortfall > 0);
    return {
      structured: out,
      summary: `${plural(out.items.length, "part")} needed by PM in the next ${out.days} days; ${short.length ? `short: ${short.map((p) => `${p.code} (${p.shortfall} ${p.unit})`).join(", ")}` : "no shortfall"}.`,
    };
  },
});

const recordStockMovement = defineTool({
  name: "record_stock_movement",
  title: "Record a stock movement",
  description:
    "Records a stock movement: kind 'receipt' (adds quantity), 'issue' (removes quantity, optionally to a work order by workOrderId, which also records the part as used on it), 'adjustment' (signed correction after a count) or 'transfer' (to toWarehouseId). Stock never goes below zero: an issue larger than what is on hand is refused. Returns the new quantities by warehouse id.",
  scopes: WRITE,
  permission: ["inventory", "edit"],
  annotations: CREATES,
  input: z.object({ movement: movementInput }),
  output: z.object({ quantities: z.record(z.string(), z.number()).describe("warehouse id → quantity after the movement") }),
  async handler({ movement }, { access }) {
    const quantities = await recordMovement(access, movement);
    return {
      structured: { quantities },
      summary: `Recorded ${movement.kind} of ${movement.quantity}; now ${Object.values(quantities).join(" / ")} on hand.`,
    };
  },
});

export const inventoryTools: ToolDefinition[] = [searchPartsTool, stockBelowMinimum, partsForPm, recordStockMovement];
