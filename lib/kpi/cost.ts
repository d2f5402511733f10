import "server-only";
// Labour and parts over time buckets (the KPI period, or each month of a trend) in ONE statement that
// never joins a year of time entries with their work orders. KpiCostDaily holds the sums per UTC day,
// asset, location and planned/unplanned, kept exact by triggers (migration 20261204000000); it answers
// for the whole UTC days inside a bucket, and the raw rows answer for the partial first and last day
// (a tenant's midnight is rarely UTC midnight), through the (tenantId, startedAt) and (tenantId,
// createdAt) indexes. Same definitions as before the rollup: labour by the time entry's start, cost =
// minutes ÷ 60 × the entry's rate, planned = work orders other than corrective; parts by the day used,
// quantity × the unit cost recorded with the usage.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import type { Scope } from "./scope";

const { sql, join } = Prisma;
const DAY_MS = 86_400_000;

export interface Bucket {
  key: string;
  from: Date;
  to: Date;
}

export interface CostTotals {
  labourMinutes: number;
  plannedMinutes: number;
  labourCost: number;
  partsCost: number;
}

interface Split {
  /** whole UTC days [fromDay, toDay) read from the rollup */
  days: { key: string; fromDay: string; toDay: string }[];
  /** partial days read from the raw rows */
  edges: { key: string; from: Date; to: Date }[];
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Each bucket → the whole UTC days inside it, and the at most two partial days at its ends. */
export function splitBuckets(buckets: Bucket[]): Split {
  const split: Split = { days: [], edges: [] };
  for (const { key, from, to } of buckets) {
    const firstWhole = Math.ceil(from.getTime() / DAY_MS) * DAY_MS;
    const lastWhole = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
    if (firstWhole >= lastWhole) {
      if (to > from) split.edges.push({ key, from, to });
      continue;
    }
    split.days.push({ key, fromDay: isoDay(firstWhole), toDay: isoDay(lastWhole) });
    if (from.getTime() < firstWhole) split.edges.push({ key, from, to: new Date(firstWhole) });
    if (lastWhole < to.getTime()) split.edges.push({ key, from: new Date(lastWhole), to });
  }
  return split;
}

const ts = (d: Date) => sql`${d.toISOString()}::timestamp`;

/** Sums per bucket key; buckets with nothing recorded are absent from the map. */
export async function costByBucket(tx: Tx, scope: Scope, buckets: Bucket[]): Promise<Map<string, CostTotals>> {
  const { days, edges } = splitBuckets(buckets);
  if (days.length === 0 && edges.length === 0) return new Map();
  const t = scope.tenantId;
  const parts: Prisma.Sql[] = [];
  if (days.length) {
    const dayRows = join(days.map((d) => sql`(${d.key}, ${d.fromDay}::date, ${d.toDay}::date)`));
    parts.push(sql`
      SELECT d.key, k."labourMinutes" AS minutes, CASE WHEN k.planned THEN k."labourMinutes" ELSE 0 END AS planned,
             k."labourRateMinutes" AS "rateMinutes", k."partsCost" AS parts
        FROM (VALUES ${dayRows}) AS d (key, "fromDay", "toDay")
        JOIN "KpiCostDaily" k ON k."tenantId" = ${t} AND k.day >= d."fromDay" AND k.day < d."toDay"
       WHERE ${scope.rollup("k")}`);
  }
  // One branch per partial day, its bounds as plain parameters: the planner then sees a few hundred rows
  // (an index range scan and a nested loop to the work orders), not a generic guess that makes it hash
  // the whole work-order table.
  for (const e of edges) {
    parts.push(sql`
      SELECT ${e.key}, te.minutes, CASE WHEN w.type <> 'corrective' THEN te.minutes ELSE 0 END, te.minutes * te.rate, 0
        FROM "TimeEntry" te JOIN "WorkOrder" w ON w.id = te."workOrderId" AND w."tenantId" = ${t}
       WHERE te."tenantId" = ${t} AND te."startedAt" >= ${ts(e.from)} AND te."startedAt" < ${ts(e.to)} AND ${scope.workOrder("w")}`);
    parts.push(sql`
      SELECT ${e.key}, 0, 0, 0, pu.quantity::numeric * pu."unitCost"
        FROM "PartUsage" pu
       WHERE pu."tenantId" = ${t} AND pu."createdAt" >= ${ts(e.from)} AND pu."createdAt" < ${ts(e.to)}
         AND ${scope.filtered ? sql`EXISTS (SELECT 1 FROM "WorkOrder" w WHERE w.id = pu."workOrderId" AND w."tenantId" = ${t} AND ${scope.workOrder("w")})` : sql`TRUE`}`);
  }
  const rows = await tx.$queryRaw<{ key: string; minutes: number; planned: number; labourCost: number; parts: number }[]>`${scope.with},
    amounts (key, minutes, planned, "rateMinutes", parts) AS (${join(parts, " UNION ALL ")})
    SELECT key, coalesce(sum(minutes), 0)::float8 AS minutes, coalesce(sum(planned), 0)::float8 AS planned,
           (coalesce(sum("rateMinutes"), 0) / 60)::float8 AS "labourCost", coalesce(sum(parts), 0)::float8 AS parts
      FROM amounts GROUP BY key`;
  return new Map(
    rows.map((r) => [r.key, { labourMinutes: r.minutes, plannedMinutes: r.planned, labourCost: r.labourCost, partsCost: r.parts }]),
  );
}

/** One bucket's totals (zeros when nothing was recorded). */
export async function costTotals(tx: Tx, scope: Scope, from: Date, to: Date): Promise<CostTotals> {
  const totals = await costByBucket(tx, scope, [{ key: "period", from, to }]);
  return totals.get("period") ?? { labourMinutes: 0, plannedMinutes: 0, labourCost: 0, partsCost: 0 };
}
