// Location and asset trees, meters and a year of meter readings.
import type { AssetDef, LocationDef } from "./catalog";
import type { TenantCtx } from "./context";
import { DAY, HOUR, MINUTE, iso, isoDate, type Row } from "./db";

const key = (code: string) => code.toLowerCase();
/** Lines and facilities: they group equipment and take planned shutdowns, not repairs. */
const GROUP_CATEGORIES = new Set(["Production line", "Facility"]);

export function seedLocations(ctx: TenantCtx): void {
  const rows: Row[] = [];
  const at = iso(ctx.created);
  const walk = (defs: LocationDef[], parentId: string | null) => {
    for (const def of defs) {
      const id = ctx.rid("loc", key(def.code));
      ctx.locations.set(def.code, id);
      ctx.locationNames.set(id, def.name);
      rows.push({ id, tenantId: ctx.id, parentId, code: def.code, name: def.name, createdAt: at, updatedAt: at });
      if (def.children) walk(def.children, id);
    }
  };
  walk(ctx.def.catalog.locations, null);
  ctx.w.insert("Location", rows);
}

function serial(ctx: TenantCtx, def: AssetDef): string {
  const prefix = (def.manufacturer ?? "XX").replace(/[^A-Za-z]/g, "").slice(0, 3).toUpperCase();
  return `${prefix}-${ctx.rng.int(10, 99)}${ctx.rng.int(100000, 999999)}`;
}

export function seedAssets(ctx: TenantCtx): void {
  const rows: Row[] = [];
  const meters: Row[] = [];
  const at = iso(ctx.created);
  const walk = (defs: AssetDef[], parentId: string | null) => {
    for (const def of defs) {
      const id = ctx.rid("asset", key(def.code));
      const locationId = ctx.locations.get(def.location);
      if (!locationId) throw new Error(`seed: asset ${def.code} has unknown location ${def.location}`);
      const info = { id, def, locationId, isGroup: GROUP_CATEGORIES.has(def.category) };
      ctx.assets.push(info);
      ctx.assetByCode.set(def.code, info);
      const inService = ctx.start - ctx.rng.int(200, 4000) * DAY;
      rows.push({
        id,
        tenantId: ctx.id,
        parentId,
        locationId,
        code: def.code,
        name: def.name,
        category: def.category,
        manufacturer: def.manufacturer ?? null,
        model: def.model ?? null,
        serial: info.isGroup ? null : serial(ctx, def),
        criticality: def.crit,
        status: def.status ?? "operational",
        inService: isoDate(inService),
        createdAt: at,
        updatedAt: at,
      });
      for (const m of def.meters ?? []) {
        const meterId = ctx.rid("meter", `${key(def.code)}-${m.key}`);
        ctx.meters.set(`${def.code}:${m.key}`, { id: meterId, assetId: id, def: m });
        meters.push({ id: meterId, tenantId: ctx.id, assetId: id, name: m.name, unit: m.unit, kind: m.kind, createdAt: at, updatedAt: at });
      }
      if (def.children) walk(def.children, id);
    }
  };
  walk(ctx.def.catalog.assets, null);
  ctx.w.insert("Asset", rows);
  ctx.w.insert("Meter", meters);
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Readings from start to anchor: weekly by default, up to daily for large seeds. */
export function seedReadings(ctx: TenantCtx, everyDays: number): void {
  const rows: Row[] = [];
  let n = 0;
  for (const meter of ctx.meters.values()) {
    const m = meter.def;
    let total = m.base;
    for (let day = everyDays; day <= 365; day += everyDays) {
      const at = ctx.start + day * DAY + 7 * HOUR + ctx.rng.int(0, 90) * MINUTE;
      if (at > ctx.anchor) break;
      let value: number;
      if (m.kind === "counter") {
        total += (m.perDay ?? 0) * everyDays * ctx.rng.float(0.82, 1.05);
        value = round(total, 1);
      } else {
        const drift = (m.trend ?? 0) * (day / 365) ** 2;
        value = round(m.base + drift + (m.noise ?? 0) * ctx.rng.gauss(), 2);
      }
      rows.push({
        id: ctx.rid("reading", ++n, 6),
        tenantId: ctx.id,
        meterId: meter.id,
        at: iso(at),
        value,
        source: m.source ?? "manual",
        createdAt: iso(at),
      });
    }
  }
  ctx.w.insert("MeterReading", rows);
}
