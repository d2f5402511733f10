// Maintenance plans with their tasks and triggers, and their schedule over the year. Each occurrence
// is tied to the work order the scheduler generated `leadMs` before its due date (done / skipped /
// in_wo); a few recent ones are overdue with no work order yet (due) and every active plan has upcoming
// ones (scheduled). The number of PM work orders follows the plans' real frequency, whatever the scale.
import { triggerDays } from "./catalog";
import type { PlanInfo, TenantCtx } from "./context";
import { DAY, HOUR, iso, type Buffers, type Row } from "./db";
import { utcOffsetHours } from "./timeline";

export interface PlanEvent {
  plan: PlanInfo;
  createdAt: number;
  dueAt: number;
}

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

export class Plans {
  private occurrences = 0;
  /** first due date of each plan's fixed schedule (also the trigger's startsAt) */
  private readonly firstDue = new Map<string, number>();
  private readonly later: { plan: PlanInfo; dueAt: number; status: "due" | "scheduled" }[] = [];

  constructor(private readonly ctx: TenantCtx) {}

  seed(): void {
    const { ctx } = this;
    const at = iso(ctx.created);
    const plans: Row[] = [];
    const tasks: Row[] = [];
    const triggers: Row[] = [];
    for (const def of ctx.def.catalog.plans) {
      const id = ctx.rid("plan", def.code.toLowerCase());
      const asset = def.asset ? ctx.assetByCode.get(def.asset) : undefined;
      if (def.asset && !asset) throw new Error(`seed: plan ${def.code} has unknown asset ${def.asset}`);
      const meter = def.trigger.kind === "calendar" ? undefined : ctx.meters.get(def.trigger.meter);
      if (def.trigger.kind !== "calendar" && !meter) throw new Error(`seed: plan ${def.code} has unknown meter`);
      const days = triggerDays(def.trigger, meter?.def.perDay);
      const info: PlanInfo = {
        id,
        def,
        assetId: asset?.id ?? null,
        locationId: asset?.locationId ?? null,
        leadMs: (days <= 7 ? 3 : days <= 31 ? 7 : 14) * DAY,
        weight: def.active === false ? 0 : 365 / days,
      };
      ctx.plans.push(info);
      // 08:00 local on a day in the first cycle (day of month ≤ 28 so monthly dates never drift).
      const eightAm = ctx.start - (ctx.start % DAY) + (8 - utcOffsetHours(ctx.def.timezone, ctx.start)) * HOUR;
      this.firstDue.set(id, eightAm + ctx.rng.int(0, Math.min(27, Math.max(0, Math.floor(days) - 1))) * DAY);
      plans.push({
        id,
        tenantId: ctx.id,
        code: def.code,
        name: def.name,
        description: `${def.tasks.length} tasks. ${def.tasks[0]}.`,
        assetId: info.assetId,
        workOrderType: def.type,
        priority: def.priority,
        estimatedHours: def.hours,
        active: def.active !== false,
        createdAt: at,
        updatedAt: at,
      });
      def.tasks.forEach((description, i) =>
        tasks.push({ id: `${id}-task-${i + 1}`, tenantId: ctx.id, planId: id, position: i + 1, description, createdAt: at, updatedAt: at }),
      );
      const t = def.trigger;
      triggers.push({
        id: `${id}-trigger-1`,
        tenantId: ctx.id,
        planId: id,
        kind: t.kind,
        interval: t.kind === "calendar" ? t.every : null,
        unit: t.kind === "calendar" ? t.unit : null,
        floating: t.kind === "calendar" ? Boolean(t.floating) : false,
        startsAt: t.kind === "calendar" ? iso(this.firstDue.get(id)!) : null,
        meterId: meter?.id ?? null,
        meterInterval: t.kind === "meter_interval" ? t.every : null,
        threshold: t.kind === "meter_threshold" ? t.threshold : null,
        direction: t.kind === "meter_threshold" ? t.direction : null,
        createdAt: at,
        updatedAt: at,
      });
    }
    ctx.w.insert("MaintenancePlan", plans);
    ctx.w.insert("PlanTask", tasks);
    ctx.w.insert("PlanTrigger", triggers);
  }

  /**
   * Due dates from the start of the history to a little past the anchor. Returns the ones whose work
   * order already exists (created before the anchor), oldest first, thinned to at most `max`; keeps
   * the overdue and upcoming ones for seedFuture().
   */
  schedule(max: number): PlanEvent[] {
    const { ctx } = this;
    const { rng } = ctx;
    let events: PlanEvent[] = [];
    ctx.plans.forEach((plan, i) => {
      if (plan.weight === 0) return;
      const t = plan.def.trigger;
      const first = this.firstDue.get(plan.id)!;
      const dues: number[] = [];
      if (t.kind === "meter_threshold") {
        // The gauge crossed its threshold twice: a spike mid-year and during the recent upward trend.
        dues.push(first + 190 * DAY, ctx.anchor - 12 * DAY + (first % DAY));
        if (i % 2 === 1) this.later.push({ plan, dueAt: ctx.anchor - 2 * DAY + (first % DAY), status: "due" });
      } else {
        const meter = t.kind === "meter_interval" ? ctx.meters.get(t.meter) : undefined;
        const days = triggerDays(t, meter?.def.perDay);
        for (let k = 0; dues.length < 1000; k++) {
          const due = t.kind === "calendar" && t.unit === "month" ? addMonths(first, k * t.every) : first + Math.round(k * days) * DAY;
          if (due - plan.leadMs >= ctx.anchor) {
            this.later.push({ plan, dueAt: due, status: "scheduled" });
            if (days > 31 || this.later.filter((l) => l.plan === plan && l.status === "scheduled").length >= 2) break;
          } else dues.push(due);
        }
      }
      const past = dues.filter((due) => due - plan.leadMs >= ctx.start).map((dueAt) => ({ plan, dueAt, createdAt: dueAt - plan.leadMs }));
      // Some plans have a recent occurrence that fell due without a work order (the backlog of PM).
      if (i % 4 === 1 && past.length && past[past.length - 1].dueAt < ctx.anchor) {
        this.later.push({ plan, dueAt: past.pop()!.dueAt, status: "due" });
      }
      events.push(...past);
    });
    events.sort((a, b) => a.createdAt - b.createdAt || a.plan.def.code.localeCompare(b.plan.def.code));
    if (events.length > max) {
      const keep = max / events.length;
      events = events.filter(() => rng.chance(keep)).slice(0, max);
    }
    return events;
  }

  /** The occurrence a plan work order was generated from. */
  forWorkOrder(buf: Buffers, plan: PlanInfo, wo: { id: string; dueAt: number; status: string; createdAt: number; updatedAt: number }): void {
    const status = wo.status === "completed" ? "done" : wo.status === "cancelled" ? "skipped" : "in_wo";
    this.add(buf, plan, wo.dueAt, status, wo.id, wo.createdAt, wo.updatedAt);
  }

  /** Overdue occurrences not yet turned into work orders, and the upcoming schedule. */
  seedFuture(buf: Buffers): void {
    const created = this.ctx.anchor - 3 * DAY;
    for (const l of this.later) {
      const at = l.status === "due" ? Math.min(l.dueAt, created) : created;
      this.add(buf, l.plan, l.dueAt, l.status, null, at, at);
    }
  }

  private add(buf: Buffers, plan: PlanInfo, dueAt: number, status: string, workOrderId: string | null, createdAt: number, updatedAt: number): void {
    buf.add("PmOccurrence", {
      id: this.ctx.rid("pmo", ++this.occurrences, 6),
      tenantId: this.ctx.id,
      planId: plan.id,
      dueAt: iso(dueAt),
      status,
      workOrderId,
      createdAt: iso(createdAt),
      updatedAt: iso(Math.max(updatedAt, createdAt)),
    });
  }
}
