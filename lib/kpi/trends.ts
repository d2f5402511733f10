import "server-only";
// Monthly trends over a period, bucketed by local calendar month in the tenant's time zone. Each source is
// grouped in SQL (a dozen rows back at most per year) and the series are merged by month here; labour and
// parts come from the daily rollup (./cost.ts).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { addLocalMonths, dayStart, zonedParts } from "@/lib/data/plans-calendar";
import { costByBucket } from "./cost";
import { ratio } from "./formulas";
import type { Window } from "./queries";
import type { Scope } from "./scope";

const { sql } = Prisma;
const ts = (d: Date) => sql`${d.toISOString()}::timestamp`;
const month = (column: string, timeZone: string) =>
  sql`to_char((${Prisma.raw(column)} AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM')`;

export interface TrendPoint {
  /** "YYYY-MM" in the tenant's time zone */
  month: string;
  created: number;
  completed: number;
  labourCost: number;
  partsCost: number;
  /** unplanned downtime of events that started that month (whole duration up to now or the period end) */
  unplannedDowntimeHours: number;
  failures: number;
  /** MTTR of the failures that started that month and have ended */
  mttr: number | null;
}

type Row = { month: string } & Record<string, number | string>;

export async function monthlyTrends(tx: Tx, scope: Scope, w: Window, timeZone: string): Promise<TrendPoint[]> {
  const inPeriod = (column: string) => sql`${Prisma.raw(column)} >= ${ts(w.from)} AND ${Prisma.raw(column)} < ${ts(w.to)}`;
  const created = await tx.$queryRaw<Row[]>`${scope.with}
    SELECT ${month('w."createdAt"', timeZone)} AS month, count(*)::int AS created
    FROM "WorkOrder" w WHERE w."tenantId" = ${scope.tenantId} AND ${inPeriod('w."createdAt"')} AND ${scope.workOrder("w")}
    GROUP BY 1`;
  const completed = await tx.$queryRaw<Row[]>`${scope.with}
    SELECT ${month('w."completedAt"', timeZone)} AS month, count(*)::int AS completed
    FROM "WorkOrder" w WHERE w."tenantId" = ${scope.tenantId} AND ${inPeriod('w."completedAt"')} AND ${scope.workOrder("w")}
    GROUP BY 1`;
  // Labour and parts per local month from the daily rollup: each month is a bucket [its first local
  // midnight, the next), clipped to the period.
  const buckets = monthsBetween(w.from, w.to, timeZone).map((key) => {
    const start = dayStart(`${key}-01`, timeZone);
    const end = addLocalMonths(start, 1, timeZone);
    return { key, from: new Date(Math.max(start, w.from.getTime())), to: new Date(Math.min(end, w.to.getTime())) };
  });
  const cost = await costByBucket(tx, scope, buckets);
  const labour = [...cost].map(([key, c]) => ({ month: key, labourCost: c.labourCost }));
  const parts = [...cost].map(([key, c]) => ({ month: key, partsCost: c.partsCost }));
  const downtime = await tx.$queryRaw<Row[]>`${scope.with}
    SELECT ${month('d."startedAt"', timeZone)} AS month,
           coalesce(sum(extract(epoch FROM least(coalesce(d."endedAt", ${ts(w.now)}), ${ts(w.to)}) - d."startedAt")), 0)::float8 / 3600 AS "unplannedDowntimeHours",
           count(*)::int AS failures,
           count(d."endedAt")::int AS restored,
           coalesce(sum(extract(epoch FROM d."endedAt" - d."startedAt")), 0)::float8 / 3600 AS restoration
    FROM "Downtime" d
    WHERE d."tenantId" = ${scope.tenantId} AND NOT d.planned AND ${inPeriod('d."startedAt"')} AND ${scope.asset('d."assetId"')}
    GROUP BY 1`;

  const byMonth = new Map<string, Record<string, number>>();
  for (const rows of [created, completed, labour, parts, downtime]) {
    for (const { month: key, ...values } of rows) {
      byMonth.set(key, { ...byMonth.get(key), ...(values as Record<string, number>) });
    }
  }
  return monthsBetween(w.from, w.to, timeZone).map((key) => {
    const v = byMonth.get(key) ?? {};
    return {
      month: key,
      created: v.created ?? 0,
      completed: v.completed ?? 0,
      labourCost: v.labourCost ?? 0,
      partsCost: v.partsCost ?? 0,
      unplannedDowntimeHours: v.unplannedDowntimeHours ?? 0,
      failures: v.failures ?? 0,
      mttr: ratio(v.restoration ?? 0, v.restored ?? 0),
    };
  });
}

/** Every local month the period touches, so months without activity still show as zero. */
function monthsBetween(from: Date, to: Date, timeZone: string): string[] {
  const start = zonedParts(from.getTime(), timeZone);
  const end = zonedParts(to.getTime() - 1, timeZone);
  const months: string[] = [];
  for (let y = start.year, m = start.month; y < end.year || (y === end.year && m <= end.month); m === 12 ? (y++, (m = 1)) : m++) {
    months.push(`${y}-${String(m).padStart(2, "0")}`);
  }
  return months;
}
