import "server-only";
// Maintenance KPIs for a period and scope, as the dashboard and the MCP metric tools show them. Each call
// checks metrics:view, validates the input, resolves the period in the tenant's time zone, rejects filter
// ids of other tenants as "not found", and runs its SQL aggregates in one tenant transaction (RLS on).
import { withTenant, type Tx } from "@/lib/db/tenant";
import { dailyHours, DEFAULT_WORKING_DAYS } from "@/lib/data/plans-calendar";
import { forbidden } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";
import { kpiQuery, rankingQuery, type KpiQuery, type RankingQuery } from "@/lib/validation/kpi";
import { computeKpis, KPI_DEFINITIONS, KPI_KEYS, round, type KpiAggregates, type KpiKey, type KpiUnit } from "./formulas";
import { resolvePeriod, type Period } from "./period";
import { costTotals } from "./cost";
import * as q from "./queries";
import { buildScope, checkFilterIds, type Scope } from "./scope";
import { monthlyTrends } from "./trends";

export { KPI_KEYS, type KpiKey };

export interface Kpi {
  key: KpiKey;
  value: number | null;
  unit: KpiUnit;
  smrp: string;
  formula: string;
}

export interface KpiReport {
  period: { from: string; to: string; hours: number };
  currency: string;
  kpis: Kpi[];
  /** the aggregates the figures were computed from, so a reader can check the arithmetic */
  inputs: KpiAggregates;
}

interface Context {
  tx: Tx;
  scope: Scope;
  window: q.Window;
  period: Period;
  timezone: string;
  currency: string;
}

async function inTenant<T>(access: Access, input: KpiQuery, now: Date, fn: (ctx: Context) => Promise<T>): Promise<T> {
  if (!can(access, "metrics", "view")) throw forbidden();
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: access.tenantId }, select: { timezone: true, currency: true } });
    const period = resolvePeriod(input.from, input.to, tenant.timezone);
    await checkFilterIds(tx, access.tenantId, input);
    const scope = buildScope(access.tenantId, input);
    return fn({ tx, scope, period, window: { from: period.from, to: period.to, now }, timezone: tenant.timezone, currency: tenant.currency });
  });
}

async function weeklyCapacity(tx: Tx, tenantId: string): Promise<number> {
  const cal = await tx.businessCalendar.findFirst({
    where: { tenantId },
    select: { crewSize: true, workingDays: true, dayStart: true, dayEnd: true },
  });
  // Without a calendar: one technician, Monday to Friday, 08:00–17:00 (the schema's defaults).
  return (cal?.crewSize ?? 1) * (cal?.workingDays ?? DEFAULT_WORKING_DAYS).length * dailyHours(cal?.dayStart ?? "08:00", cal?.dayEnd ?? "17:00");
}

const periodOut = (p: Period) => ({ from: p.from.toISOString(), to: p.to.toISOString(), hours: p.hours });

async function computeReport({ tx, scope, window, period, currency }: Context, tenantId: string, now: Date): Promise<KpiReport> {
  const downtime = await q.downtimeAggregates(tx, scope, window);
  const pm = await q.pmAggregates(tx, scope, window);
  const cost = await costTotals(tx, scope, window.from, window.to);
  const open = await q.openAggregates(tx, scope, now);
  const inputs: KpiAggregates = {
    periodHours: period.hours,
    equipment: downtime.equipment,
    unplannedDowntimeHours: downtime.unplanned,
    plannedDowntimeHours: downtime.planned,
    failures: downtime.failures,
    restoredFailures: downtime.restored,
    restorationHours: downtime.restoration,
    pmDue: pm.due,
    pmOnTime: pm.onTime,
    labourHours: cost.labourMinutes / 60,
    plannedHours: cost.plannedMinutes / 60,
    labourCost: round(cost.labourCost) ?? 0,
    partsCost: round(cost.partsCost) ?? 0,
    openWorkOrders: open.open,
    overdueWorkOrders: open.overdue,
    openEstimatedHours: open.backlogHours,
    weeklyCapacityHours: await weeklyCapacity(tx, tenantId),
  };
  const values = computeKpis(inputs);
  return {
    period: periodOut(period),
    currency,
    kpis: KPI_KEYS.map((key) => ({ key, value: round(values[key], KPI_DEFINITIONS[key].unit === "ratio" ? 4 : 2), ...KPI_DEFINITIONS[key] })),
    inputs,
  };
}

export async function getKpis(access: Access, raw: KpiQuery, now = new Date()): Promise<KpiReport> {
  const input = kpiQuery.parse(raw);
  return inTenant(access, input, now, (ctx) => computeReport(ctx, access.tenantId, now));
}

const clampRanking = (limit: number | undefined) => Math.min(Math.max(Math.trunc(limit ?? 10), 1), 50);

type RankingRow = Awaited<ReturnType<typeof q.downtimeRanking>>[number];
const roundRanking = (rows: RankingRow[]) => rows.map((r) => ({ ...r, unplannedHours: round(r.unplannedHours) ?? 0, plannedHours: round(r.plannedHours) ?? 0 }));

type ParetoRow = Awaited<ReturnType<typeof q.failurePareto>>[number];
const pareto = (causes: ParetoRow[]) => ({
  total: causes.reduce((sum, c) => sum + c.failures, 0),
  causes: causes.map((c) => ({ ...c, cumulativeShare: round(c.cumulativeShare, 4) ?? 0 })),
});

export async function getDowntimeRanking(access: Access, raw: RankingQuery, now = new Date()) {
  const input = rankingQuery.parse(raw);
  return inTenant(access, input, now, async ({ tx, scope, window, period }) => ({
    period: periodOut(period),
    formula: "Downtime per asset = sum of its downtime events clipped to the period (running outages up to now); failures = unplanned events that started in the period",
    assets: roundRanking(await q.downtimeRanking(tx, scope, window, clampRanking(input.limit))),
  }));
}

export async function getFailurePareto(access: Access, raw: KpiQuery, now = new Date()) {
  const input = kpiQuery.parse(raw);
  return inTenant(access, input, now, async ({ tx, scope, window, period }) => ({
    period: periodOut(period),
    formula: "Failures per cause = corrective work orders raised in the period with that failure cause; cumulative share = running total ÷ all coded failures",
    ...pareto(await q.failurePareto(tx, scope, window)),
  }));
}

async function breakdown({ tx, scope, window }: Context) {
  const rows = await q.workOrderBreakdown(tx, scope, window);
  const sum = (pick: (r: (typeof rows)[number]) => string | number) => {
    const out = new Map<string | number, number>();
    for (const r of rows) out.set(pick(r), (out.get(pick(r)) ?? 0) + r.count);
    return out;
  };
  return {
    byStatus: [...sum((r) => r.status)].map(([status, count]) => ({ status: String(status), count })),
    byPriority: [...sum((r) => r.priority)].map(([priority, count]) => ({ priority: Number(priority), count })).sort((a, b) => a.priority - b.priority),
  };
}

/**
 * Everything the dashboard shows, in one tenant transaction (one connection, one RLS setup) rather than
 * five: KPIs, monthly trends, the downtime ranking (top `rankingLimit`), the failure Pareto and the
 * work-order breakdown.
 */
export async function getDashboard(access: Access, raw: KpiQuery, now = new Date(), rankingLimit = 8) {
  const input = kpiQuery.parse(raw);
  return inTenant(access, input, now, async (ctx) => ({
    report: await computeReport(ctx, access.tenantId, now),
    months: await monthlyTrends(ctx.tx, ctx.scope, ctx.window, ctx.timezone),
    ranking: roundRanking(await q.downtimeRanking(ctx.tx, ctx.scope, ctx.window, rankingLimit)),
    pareto: pareto(await q.failurePareto(ctx.tx, ctx.scope, ctx.window)),
    breakdown: await breakdown(ctx),
  }));
}
