import "server-only";
// Meter-driven preventive maintenance. When a new (latest) reading is recorded, the PlanTrigger rows on
// that meter are evaluated in the reading's transaction:
//   - meter_threshold: the reading crossed the threshold (above: value > threshold; below: value <
//     threshold) while the reading before it had not — a meter that stays high triggers once, not on
//     every reading — and the plan has no occurrence still waiting as "due";
//   - meter_interval: the meter advanced by at least `meterInterval` since the plan was last serviced
//     (its latest PmOccurrence due, or work order created, at or before this reading; with neither, since
//     the trigger was set up).
// Each hit creates a PmOccurrence with status "due" and dueAt = the reading's time. The PM scheduler
// (owned by the preventive-maintenance module) turns due occurrences into work orders; the unique
// (tenant, plan, dueAt) key keeps this idempotent if the same reading time is evaluated twice.
import type { Tx } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";
import { audit } from "./audit";

export interface TriggeredPm {
  occurrenceId: string;
  planId: string;
  planCode: string;
  planName: string;
  dueAt: Date;
  kind: "meter_interval" | "meter_threshold";
  /** why it fell due, in plain words (shown in the UI and returned to MCP clients) */
  reason: string;
}

type Meter = { id: string; name: string; unit: string };
type Reading = { id: string; at: Date; value: number };

const round = (v: number) => Math.round(v * 1000) / 1000;

/** The reading the interval is measured from: the last one at or before `at`, else the first one after. */
async function baselineReading(tx: Tx, tenantId: string, meterId: string, at: Date, exclude: string) {
  const before = await tx.meterReading.findFirst({
    where: { tenantId, meterId, at: { lte: at }, id: { not: exclude } },
    select: { value: true },
    orderBy: [{ at: "desc" }, { id: "desc" }],
  });
  if (before) return before;
  return tx.meterReading.findFirst({
    where: { tenantId, meterId, at: { gt: at }, id: { not: exclude } },
    select: { value: true },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
}

async function lastServiceAt(tx: Tx, tenantId: string, planId: string, upTo: Date): Promise<Date | null> {
  const occurrence = await tx.pmOccurrence.findFirst({
    where: { tenantId, planId, dueAt: { lte: upTo } },
    select: { dueAt: true },
    orderBy: { dueAt: "desc" },
  });
  const workOrder = await tx.workOrder.findFirst({
    where: { tenantId, planId, createdAt: { lte: upTo } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const times = [occurrence?.dueAt, workOrder?.createdAt].filter((d): d is Date => Boolean(d));
  return times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null;
}

export async function evaluateMeterTriggers(
  tx: Tx,
  access: Access,
  meter: Meter,
  reading: Reading,
  previous: { value: number } | null,
): Promise<TriggeredPm[]> {
  const tenantId = access.tenantId;
  const triggers = await tx.planTrigger.findMany({
    where: { tenantId, meterId: meter.id, kind: { in: ["meter_interval", "meter_threshold"] }, plan: { active: true } },
    select: {
      kind: true,
      meterInterval: true,
      threshold: true,
      direction: true,
      createdAt: true,
      plan: { select: { id: true, code: true, name: true } },
    },
    orderBy: { id: "asc" },
  });

  const hits: { plan: { id: string; code: string; name: string }; kind: TriggeredPm["kind"]; reason: string }[] = [];
  for (const t of triggers) {
    if (t.kind === "meter_threshold") {
      if (t.threshold === null || (t.direction !== "above" && t.direction !== "below")) continue;
      const threshold = t.threshold;
      const beyond = (v: number) => (t.direction === "above" ? v > threshold : v < threshold);
      if (!beyond(reading.value) || (previous && beyond(previous.value))) continue;
      const waiting = await tx.pmOccurrence.findFirst({ where: { tenantId, planId: t.plan.id, status: "due" }, select: { id: true } });
      if (waiting) continue;
      hits.push({
        plan: t.plan,
        kind: "meter_threshold",
        reason: `${meter.name} read ${reading.value} ${meter.unit}, ${t.direction} the threshold of ${threshold} ${meter.unit}`,
      });
    } else {
      if (t.meterInterval === null || t.meterInterval <= 0) continue;
      const since = (await lastServiceAt(tx, tenantId, t.plan.id, reading.at)) ?? t.createdAt;
      const baseline = await baselineReading(tx, tenantId, meter.id, since, reading.id);
      if (!baseline) continue;
      const advance = round(reading.value - baseline.value);
      if (advance < t.meterInterval) continue;
      hits.push({
        plan: t.plan,
        kind: "meter_interval",
        reason: `${meter.name} advanced ${advance} ${meter.unit} since the last service (due every ${t.meterInterval} ${meter.unit})`,
      });
    }
  }

  const triggered: TriggeredPm[] = [];
  for (const hit of hits) {
    const [occurrence] = await tx.pmOccurrence.createManyAndReturn({
      data: [{ tenantId, planId: hit.plan.id, dueAt: reading.at, status: "due" }],
      select: { id: true },
      skipDuplicates: true,
    });
    if (!occurrence) continue;
    await audit(tx, access, {
      action: "pm.occurrence.create",
      entity: "PmOccurrence",
      entityId: occurrence.id,
      after: { planId: hit.plan.id, dueAt: reading.at.toISOString(), status: "due", trigger: hit.kind, meterId: meter.id, readingId: reading.id },
    });
    triggered.push({
      occurrenceId: occurrence.id,
      planId: hit.plan.id,
      planCode: hit.plan.code,
      planName: hit.plan.name,
      dueAt: reading.at,
      kind: hit.kind,
      reason: hit.reason,
    });
  }
  return triggered;
}
