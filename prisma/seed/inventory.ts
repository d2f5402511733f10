// Parts, warehouses, stock levels and stock movements. Issues are recorded while work orders are
// generated; stock rows, the opening count and receipts are written afterwards so that each stock's
// movements add up exactly to its quantity (some deliberately end below their minimum).
import type { PartInfo, TenantCtx } from "./context";
import { DAY, HOUR, iso, type Buffers } from "./db";

const key = (code: string) => code.toLowerCase();

export class Inventory {
  /** stock id → tenths of a unit issued (integers keep the sums exact) */
  private readonly issued = new Map<string, number>();
  private readonly byCategory = new Map<string, PartInfo[]>();
  private readonly generic: PartInfo[] = [];
  private readonly warehouseIds: string[] = [];
  private moves = 0;

  constructor(private readonly ctx: TenantCtx) {}

  seedMaster(): void {
    const { ctx } = this;
    const at = iso(ctx.created);
    const warehouses = ctx.def.catalog.warehouses.map((w) => {
      const id = ctx.rid("warehouse", key(w.code));
      this.warehouseIds.push(id);
      return { id, tenantId: ctx.id, code: w.code, name: w.name, createdAt: at, updatedAt: at };
    });
    const parts = ctx.def.catalog.parts.map((def, i) => {
      const id = ctx.rid("part", key(def.code));
      const main = this.warehouseIds[i % this.warehouseIds.length];
      const held = i % 3 === 0 && this.warehouseIds.length > 1 ? [main, this.warehouseIds[(i + 1) % this.warehouseIds.length]] : [main];
      const info: PartInfo = { id, def, warehouses: held };
      ctx.parts.push(info);
      if (def.fits.length === 0) this.generic.push(info);
      for (const category of def.fits) {
        const list = this.byCategory.get(category) ?? [];
        list.push(info);
        this.byCategory.set(category, list);
      }
      return { id, tenantId: ctx.id, code: def.code, name: def.name, unit: def.unit, unitCost: def.cost.toFixed(2), createdAt: at, updatedAt: at };
    });
    ctx.w.insert("Warehouse", warehouses);
    ctx.w.insert("Part", parts);
  }

  /** A part that fits this kind of equipment (mostly), or a general consumable. */
  pickPart(category: string): PartInfo {
    const fitting = this.byCategory.get(category);
    if (fitting && (this.generic.length === 0 || this.ctx.rng.chance(0.8))) return this.ctx.rng.pick(fitting);
    return this.ctx.rng.pick(this.generic.length ? this.generic : this.ctx.parts);
  }

  /** Quantity for one use, in tenths of the part's unit. */
  quantityTenths(part: PartInfo): number {
    const { rng } = this.ctx;
    switch (part.def.unit) {
      case "L":
        return rng.int(2, 20) * 10 + rng.pick([0, 5]);
      case "m":
        return rng.int(1, 6) * 10;
      default:
        return (rng.chance(0.7) ? 1 : rng.int(2, 4)) * 10;
    }
  }

  stockId(partId: string, warehouseId: string): string {
    return `${partId.replace(`${this.ctx.slug}-part-`, `${this.ctx.slug}-stock-`)}-${warehouseId.split("-").pop()}`;
  }

  issue(buf: Buffers, part: PartInfo, warehouseId: string, tenths: number, workOrderId: string, code: string, at: number): void {
    const stockId = this.stockId(part.id, warehouseId);
    this.issued.set(stockId, (this.issued.get(stockId) ?? 0) + tenths);
    buf.add("StockMovement", {
      id: this.ctx.rid("move", ++this.moves, 6),
      tenantId: this.ctx.id,
      partId: part.id,
      warehouseId,
      kind: "issue",
      quantity: -tenths / 10,
      workOrderId,
      note: `Issued to ${code}`,
      at: iso(at),
    });
  }

  /** Stock rows plus the opening count and receipts that make the movements add up. */
  finish(buf: Buffers): void {
    const { ctx } = this;
    const { rng } = ctx;
    const at = iso(ctx.created);
    let index = 0;
    for (const part of ctx.parts) {
      for (const warehouseId of part.warehouses) {
        index++;
        const id = this.stockId(part.id, warehouseId);
        const cheap = part.def.cost < 50;
        const min = part.def.unit === "L" ? 40 : cheap ? rng.int(6, 20) : rng.int(1, 4);
        const max = min * 4;
        // Every fifth stock ends below its minimum, so the reorder list has something in it.
        const belowMin = index % 5 === 2;
        const target = (belowMin ? rng.int(0, Math.max(0, min - 1)) : rng.int(min, max)) * 10;
        const issued = this.issued.get(id) ?? 0;
        buf.add("Stock", { id, tenantId: ctx.id, partId: part.id, warehouseId, quantity: target / 10, min, max, createdAt: at, updatedAt: iso(ctx.anchor - rng.int(1, 20) * DAY) });
        const move = (kind: string, tenths: number, when: number, note: string) =>
          buf.add("StockMovement", {
            id: ctx.rid("move", ++this.moves, 6),
            tenantId: ctx.id,
            partId: part.id,
            warehouseId,
            kind,
            quantity: tenths / 10,
            workOrderId: null,
            note,
            at: iso(when),
          });
        move("adjustment", target, ctx.start + 6 * HOUR, "Opening stock count");
        if (issued === 0) continue;
        // Replenish what was issued in up to twelve deliveries spread over the year.
        const deliveries = Math.min(12, Math.max(1, Math.ceil(issued / (max * 10))));
        const each = Math.floor(issued / deliveries);
        for (let d = 0; d < deliveries; d++) {
          const tenths = d === deliveries - 1 ? issued - each * (deliveries - 1) : each;
          const when = ctx.start + Math.floor(((d + 0.5) * 365) / deliveries) * DAY + 10 * HOUR;
          move("receipt", tenths, when, `PO ${ctx.slug.toUpperCase()}-${4100 + index * 13 + d}`);
        }
      }
    }
  }
}
