// Inputs of the KPI queries, shared by the dashboard, the MCP metric tools and (later) REST. A period is two
// calendar days in the tenant's time zone, both included; full ISO timestamps are accepted too.
import { z } from "zod";

const id = z.string().min(1).max(200);

export const dateInput = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) || !Number.isNaN(Date.parse(v)), "Expected a date (YYYY-MM-DD) or an ISO timestamp")
  .refine((v) => !/^\d{4}-\d{2}-\d{2}$/.test(v) || !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a calendar date");

export const kpiFilterShape = {
  assetId: id.optional().describe("Only this asset (and, by default, the assets under it)."),
  includeDescendants: z.boolean().optional().describe("Include the assets under assetId (default true)."),
  category: z.string().min(1).max(100).optional().describe("Only assets of this category, e.g. 'Compressor'."),
  locationId: id.optional().describe("Only assets (and work orders) at this location or any location under it."),
};

export const kpiPeriodShape = {
  from: dateInput.describe("First day of the period, YYYY-MM-DD (tenant time zone), or an ISO timestamp."),
  to: dateInput.describe("Last day of the period, YYYY-MM-DD (included), or an ISO timestamp (excluded)."),
};

/** At most a little over five years: enough for any trend, bounded for the database. */
export const MAX_PERIOD_DAYS = 1900;

export const kpiQuery = z.object({ ...kpiPeriodShape, ...kpiFilterShape });
export type KpiQuery = z.infer<typeof kpiQuery>;

export const rankingQuery = kpiQuery.extend({
  limit: z.number().int().optional().describe("How many rows, 1–50 (default 10)."),
});
export type RankingQuery = z.infer<typeof rankingQuery>;

/** Dashboard period presets, kept in the URL as ?period=… */
export const PERIOD_PRESETS = ["30d", "90d", "365d", "ytd"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const day = z.iso.date().optional().catch(undefined);

/** A preset (?period=90d) or a custom range (?from=2026-01-01&to=2026-03-31); anything else → last 90 days. */
export const dashboardSearch = z.object({
  period: z.enum(PERIOD_PRESETS).catch("90d"),
  from: day,
  to: day,
  location: id.optional().catch(undefined),
});
