import "server-only";
// Turning calendar triggers into PM occurrences, HORIZON_DAYS ahead (fixed: on the schedule from startsAt;
// floating: one at a time, counted from the completion of the plan's last done occurrence). Due dates on a
// non-working day or holiday move to the next working day. Inserts are `ON CONFLICT DO NOTHING` on
// (tenantId, planId, dueAt), so re-running — or two runs at once — never duplicates an occurrence.
// Meter triggers are evaluated when a reading is recorded (lib/data/meter-triggers.ts), which creates
// their occurrences as "due"; the scheduler then raises their work orders like any other.
import type { Tx } from "@/lib/db/tenant";
import { addLocalDays, addLocalMonths, DEFAULT_WORKING_DAYS, nextWorkingDay, type WorkCalendar } from "./plans-calendar";

export const HORIZON_DAYS = 120;
const DAY = 86_400_000;
/** Never more than this many new occurrences per trigger and run (a daily plan over the horizon fits). */
const MAX_PER_TRIGGER = 200;

type CalendarUnit = "day" | "week" | "month";

export interface TriggerRow {
  kind: "calendar" | "meter_interval" | "meter_threshold";
  interval: number | null;
  unit: CalendarUnit | null;
  floating: boolean;
  startsAt: Date | null;
}

export async function loadWorkCalendar(tx: Tx, tenantId: string): Promise<WorkCalendar> {
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { timezone: true } });
  const calendar = await tx.businessCalendar.findFirst({
    where: { tenantId },
    select: { workingDays: true, holidays: { select: { date: true, recurring: true, name: true } } },
  });
  return {
    timezone: tenant.timezone,
    workingDays: calendar?.workingDays ?? DEFAULT_WORKING_DAYS,
    // Holiday.date is a DATE column: Prisma hands it back as UTC midnight of that day.
    holidays: (calendar?.holidays ?? []).map((h) => ({ date: h.date.toISOString().slice(0, 10), recurring: h.recurring, name: h.name })),
  };
}

function step(start: number, k: number, interval: number, unit: CalendarUnit, timeZone: string): number {
  if (unit === "month") return addLocalMonths(start, k * interval, timeZone);
  return addLocalDays(start, k * interval * (unit === "week" ? 7 : 1), timeZone);
}

/** Rough length of one interval, for the lead time and for skipping ahead on long-running schedules. */
export function intervalDays(t: Pick<TriggerRow, "interval" | "unit">): number {
  const n = t.interval ?? 1;
  return t.unit === "month" ? n * 30.4 : t.unit === "week" ? n * 7 : n;
}

/**
 * Nominal due dates of a fixed schedule after `after` and up to `until`: startsAt + k × interval, in local
 * time (the 31st of a month becomes the last day of shorter months).
 */
export function fixedDates(t: TriggerRow, after: number, until: number, timeZone: string): number[] {
  if (!t.startsAt || !t.interval || !t.unit) return [];
  const start = t.startsAt.getTime();
  // Skip whole intervals before `after` (one early, to be safe around DST and month lengths).
  let k = Math.max(0, Math.floor((after - start) / (intervalDays(t) * DAY)) - 1);
  const out: number[] = [];
  for (let guard = 0; guard < 5000 && out.length < MAX_PER_TRIGGER; guard++, k++) {
    const at = step(start, k, t.interval, t.unit, timeZone);
    if (at > until) break;
    if (at > after) out.push(at);
  }
  return out;
}

interface PlanState {
  id: string;
  triggers: TriggerRow[];
  /** latest occurrence due date, any status */
  lastDueAt: Date | null;
  /** an occurrence not yet done or skipped exists */
  hasOpen: boolean;
  /** completion of the work order of the plan's latest done occurrence */
  lastCompletedAt: Date | null;
}

async function loadPlans(tx: Tx, tenantId: string, planIds?: string[]): Promise<PlanState[]> {
  const plans = await tx.maintenancePlan.findMany({
    where: { tenantId, active: true, ...(planIds ? { id: { in: planIds } } : {}) },
    select: {
      id: true,
      triggers: {
        select: { kind: true, interval: true, unit: true, floating: true, startsAt: true },
      },
    },
    orderBy: { id: "asc" },
  });
  if (plans.length === 0) return [];
  const ids = plans.map((p) => p.id);
  const last = await tx.pmOccurrence.groupBy({ by: ["planId"], where: { tenantId, planId: { in: ids } }, _max: { dueAt: true } });
  const open = await tx.pmOccurrence.groupBy({
    by: ["planId"],
    where: { tenantId, planId: { in: ids }, status: { in: ["scheduled", "due", "in_wo"] } },
    _count: true,
  });
  // Completions through the plan's own occurrences: PmOccurrence is small, WorkOrder may be huge.
  const done = await tx.pmOccurrence.findMany({
    where: { tenantId, planId: { in: ids }, status: "done", workOrder: { status: "completed" } },
    select: { planId: true, workOrder: { select: { completedAt: true } } },
  });
  const lastCompleted = new Map<string, Date>();
  for (const d of done) {
    const at = d.workOrder?.completedAt;
    if (at && at > (lastCompleted.get(d.planId) ?? new Date(0))) lastCompleted.set(d.planId, at);
  }
  return plans.map((p) => ({
    id: p.id,
    triggers: p.triggers,
    lastDueAt: last.find((r) => r.planId === p.id)?._max.dueAt ?? null,
    hasOpen: open.some((r) => r.planId === p.id),
    lastCompletedAt: lastCompleted.get(p.id) ?? null,
  }));
}

/** Calendar-trigger due dates (already moved to working days) for one plan. */
function calendarDates(plan: PlanState, calendar: WorkCalendar, now: number): number[] {
  const until = now + HORIZON_DAYS * DAY;
  const dates: number[] = [];
  for (const t of plan.triggers) {
    if (t.kind !== "calendar" || !t.startsAt || !t.interval || !t.unit) continue;
    if (t.floating) {
      // One at a time: the next one is planned once the previous one is done (or skipped).
      if (plan.hasOpen) continue;
      const last = plan.lastDueAt?.getTime();
      const base = plan.lastCompletedAt?.getTime() ?? last;
      if (base === undefined) {
        dates.push(t.startsAt.getTime());
        continue;
      }
      // A skipped occurrence has no completion: then the count restarts from its due date.
      const next = step(base, 1, t.interval, t.unit, calendar.timezone);
      dates.push(last !== undefined && next <= last ? step(last, 1, t.interval, t.unit, calendar.timezone) : next);
    } else {
      // Occurrences exist up to the horizon already; a new plan starts from yesterday, not from years ago.
      const after = Math.max(plan.lastDueAt?.getTime() ?? -Infinity, now - DAY);
      dates.push(...fixedDates(t, after, until, calendar.timezone));
    }
  }
  return dates.map((d) => nextWorkingDay(d, calendar));
}

/** Creates the missing calendar occurrences of the tenant's active plans (or of `planIds`); returns how many. */
export async function generateOccurrences(tx: Tx, tenantId: string, now: Date, planIds?: string[]): Promise<number> {
  const plans = await loadPlans(tx, tenantId, planIds);
  if (plans.length === 0) return 0;
  const calendar = await loadWorkCalendar(tx, tenantId);
  const rows: { tenantId: string; planId: string; dueAt: Date; status: "scheduled" }[] = [];
  for (const plan of plans) {
    const seen = new Set<number>();
    for (const at of calendarDates(plan, calendar, now.getTime())) {
      if (!seen.has(at)) rows.push({ tenantId, planId: plan.id, dueAt: new Date(at), status: "scheduled" });
      seen.add(at);
    }
  }
  if (rows.length === 0) return 0;
  // One order for every run, so two concurrent runs take their insert locks in the same order.
  rows.sort((a, b) => a.planId.localeCompare(b.planId) || a.dueAt.getTime() - b.dueAt.getTime());
  const { count } = await tx.pmOccurrence.createMany({ data: rows, skipDuplicates: true });
  return count;
}

/**
 * Scheduled occurrences still ahead that fall on a non-working day (a holiday added since they were
 * planned, or dates imported from elsewhere) move to the next working day; where the plan already has
 * one on that day, the duplicate goes. Each change is guarded by the old due date, so a concurrent run
 * that moved the row first makes this one a no-op. Returns how many moved or went.
 */
export async function realignScheduled(tx: Tx, tenantId: string, now: Date): Promise<number> {
  const calendar = await loadWorkCalendar(tx, tenantId);
  const rows = await tx.pmOccurrence.findMany({
    where: { tenantId, status: "scheduled", workOrderId: null, dueAt: { gte: now } },
    select: { id: true, planId: true, dueAt: true },
    orderBy: [{ planId: "asc" }, { dueAt: "asc" }],
  });
  let changed = 0;
  for (const r of rows) {
    const at = new Date(nextWorkingDay(r.dueAt.getTime(), calendar));
    if (at.getTime() === r.dueAt.getTime()) continue;
    const [old, to] = [r.dueAt.toISOString(), at.toISOString()];
    const moved = await tx.$executeRaw`
      UPDATE "PmOccurrence" o SET "dueAt" = ${to}::timestamp, "updatedAt" = ${now.toISOString()}::timestamp
       WHERE o."tenantId" = ${tenantId} AND o.id = ${r.id} AND o."dueAt" = ${old}::timestamp AND o.status = 'scheduled'
         AND NOT EXISTS (SELECT 1 FROM "PmOccurrence" x WHERE x."tenantId" = ${tenantId} AND x."planId" = ${r.planId} AND x."dueAt" = ${to}::timestamp)`;
    const dropped = moved
      ? 0
      : await tx.$executeRaw`
          DELETE FROM "PmOccurrence" o
           WHERE o."tenantId" = ${tenantId} AND o.id = ${r.id} AND o."dueAt" = ${old}::timestamp AND o.status = 'scheduled'
             AND EXISTS (SELECT 1 FROM "PmOccurrence" x WHERE x."tenantId" = ${tenantId} AND x."planId" = ${r.planId} AND x."dueAt" = ${to}::timestamp)`;
    changed += moved + dropped;
  }
  return changed;
}

/** Lead time before the due date when a calendar occurrence becomes due (its work order is raised). */
export function leadDays(triggers: Pick<TriggerRow, "kind" | "interval" | "unit">[]): number {
  const calendar = triggers.filter((t) => t.kind === "calendar");
  if (calendar.length === 0) return 0;
  return Math.min(14, Math.floor(Math.min(...calendar.map(intervalDays)) / 4));
}
