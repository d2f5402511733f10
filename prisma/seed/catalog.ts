// Shapes of the static demo catalogs (sites, equipment, parts, plans) and small builders for them.
// The catalogs themselves live in catalog-acme.ts and catalog-globex.ts.

export type AssetStatus = "operational" | "degraded" | "down" | "retired";
export type WorkOrderType = "corrective" | "preventive" | "predictive" | "inspection" | "improvement";

export interface LocationDef {
  code: string;
  name: string;
  children?: LocationDef[];
}

export interface MeterDef {
  key: string;
  name: string;
  unit: string;
  kind: "gauge" | "counter";
  /** counter: starting total; gauge: normal value */
  base: number;
  /** counter: units added per day */
  perDay?: number;
  /** gauge: typical deviation */
  noise?: number;
  /** gauge: total drift over the year (a degrading machine) */
  trend?: number;
  source?: "manual" | "import";
}

export interface AssetDef {
  code: string;
  name: string;
  category: string;
  manufacturer?: string;
  model?: string;
  /** 1 (lowest) … 5 (most critical) */
  crit: number;
  location: string;
  status?: AssetStatus;
  meters?: MeterDef[];
  children?: AssetDef[];
}

export interface PartDef {
  code: string;
  name: string;
  unit: string;
  cost: number;
  /** asset categories the part is used on; empty = any */
  fits: string[];
}

export type TriggerDef =
  | { kind: "calendar"; every: number; unit: "day" | "week" | "month"; floating?: boolean }
  | { kind: "meter_interval"; meter: string; every: number }
  | { kind: "meter_threshold"; meter: string; threshold: number; direction: "above" | "below" };

export interface PlanDef {
  code: string;
  name: string;
  /** asset code, or null for a plan over an area */
  asset: string | null;
  type: WorkOrderType;
  priority: number;
  hours: number;
  tasks: string[];
  trigger: TriggerDef;
  active?: boolean;
}

export type RoleKey = "administrator" | "technician" | "limited_technician" | "read_only" | "requester";

export interface PersonDef {
  email: string;
  name: string;
  role: RoleKey;
  /** hourly labour rate for time entries */
  rate?: number;
}

export interface Catalog {
  locations: LocationDef[];
  assets: AssetDef[];
  parts: PartDef[];
  warehouses: { code: string; name: string }[];
  plans: PlanDef[];
  /** line-level assets that get planned shutdowns each quarter */
  shutdownAssets: string[];
}

export function asset(
  code: string,
  name: string,
  category: string,
  manufacturer: string,
  model: string,
  crit: number,
  location: string,
  extra: Partial<AssetDef> = {},
): AssetDef {
  return { code, name, category, manufacturer, model, crit, location, ...extra };
}

export const runtime = (perDay: number, base = 0): MeterDef => ({
  key: "runtime",
  name: "Runtime hours",
  unit: "h",
  kind: "counter",
  base,
  perDay,
  source: "import",
});

export const temperature = (name: string, base: number, noise = 2, trend = 0): MeterDef => ({
  key: "temp",
  name,
  unit: "°C",
  kind: "gauge",
  base,
  noise,
  trend,
});

export const vibration = (base: number, trend = 0): MeterDef => ({
  key: "vibration",
  name: "Vibration velocity (RMS)",
  unit: "mm/s",
  kind: "gauge",
  base,
  noise: 0.4,
  trend,
});

export const gauge = (key: string, name: string, unit: string, base: number, noise: number): MeterDef => ({
  key,
  name,
  unit,
  kind: "gauge",
  base,
  noise,
});

export const part = (code: string, name: string, unit: string, cost: number, fits: string[] = []): PartDef => ({
  code,
  name,
  unit,
  cost,
  fits,
});

export const every = (n: number, unit: "day" | "week" | "month", floating = false): TriggerDef => ({
  kind: "calendar",
  every: n,
  unit,
  floating,
});

/** Approximate days between occurrences of a trigger, to weight plans when spreading PM work. */
export function triggerDays(trigger: TriggerDef, meterPerDay = 16): number {
  if (trigger.kind === "calendar") {
    return trigger.every * (trigger.unit === "day" ? 1 : trigger.unit === "week" ? 7 : 30.4);
  }
  if (trigger.kind === "meter_interval") return Math.max(7, trigger.every / meterPerDay);
  return 120;
}
