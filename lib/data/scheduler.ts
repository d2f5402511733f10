import "server-only";
// The PM scheduler (`npm run scheduler`, POST /api/cron/scheduler): for every tenant, closes occurrences
// whose work order finished, moves scheduled ones off days that became non-working, schedules new
// occurrences, marks those inside their lead time as due, and turns due ones into work orders. Idempotent and safe to run concurrently: occurrences are inserted with
// ON CONFLICT DO NOTHING, and each due occurrence is claimed by one conditional UPDATE … WHERE status =
// 'due' … FOR UPDATE SKIP LOCKED in the same transaction that creates its work order, so two runs never
// raise two work orders for one occurrence (and a failed creation releases the claim).
import { withTenant, withUser, type Tx } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import { audit } from "./audit";
import { generateOccurrences, leadDays, realignScheduled } from "./plans-schedule";

const DAY = 86_400_000;
/** Work orders raised per transaction: keeps each one short under load. */
const BATCH = 25;
const MAX_BATCHES = 40;

export interface SchedulerResult {
  tenants: number;
  occurrencesCreated: number;
  workOrdersCreated: number;
  closed: number;
}

/** The scheduler acts as the system in each tenant: no user, no consumer, audit rows say "system". */
function systemAccess(tenantId: string): Access {
  return { tenantId, userId: null, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions) };
}

/** Tenant ids, read without a tenant: the Tenant table is global (no RLS). */
async function listTenantIds(): Promise<string[]> {
  const rows = await withUser(null, (tx) => tx.tenant.findMany({ select: { id: true }, orderBy: { id: "asc" } }));
  return rows.map((r) => r.id);
}

/** in_wo → done / skipped once the work order is completed / cancelled (whoever changed its status). */
async function closeFinished(tx: Tx, tenantId: string, now: Date): Promise<number> {
  return tx.$executeRaw`
    UPDATE "PmOccurrence" o
       SET status = (CASE w.status WHEN 'completed' THEN 'done' ELSE 'skipped' END)::"PmStatus", "updatedAt" = ${now.toISOString()}::timestamp
      FROM "WorkOrder" w
     WHERE o."tenantId" = ${tenantId} AND o.status = 'in_wo' AND w."tenantId" = ${tenantId}
       AND w.id = o."workOrderId" AND w.status IN ('completed', 'cancelled')`;
}

/** scheduled → due once the due date is within the plan's lead time. */
async function markDue(tx: Tx, tenantId: string, now: Date): Promise<void> {
  const plans = await tx.maintenancePlan.findMany({
    where: { tenantId, active: true, occurrences: { some: { status: "scheduled" } } },
    select: { id: true, triggers: { select: { kind: true, interval: true, unit: true } } },
  });
  const byLead = new Map<number, string[]>();
  for (const p of plans) byLead.set(leadDays(p.triggers), [...(byLead.get(leadDays(p.triggers)) ?? []), p.id]);
  for (const [lead, planIds] of byLead) {
    await tx.pmOccurrence.updateMany({
      where: { tenantId, planId: { in: planIds }, status: "scheduled", dueAt: { lte: new Date(now.getTime() + lead * DAY) } },
      data: { status: "due" },
    });
  }
}

type Claimed = { id: string; planId: string; dueAt: Date };

/** Claims up to BATCH due occurrences of active plans and raises their work orders. Returns how many. */
async function raiseWorkOrders(tx: Tx, access: Access, now: Date): Promise<number> {
  const tenantId = access.tenantId;
  const claimed = await tx.$queryRaw<Claimed[]>`
    UPDATE "PmOccurrence" o SET status = 'in_wo', "updatedAt" = ${now.toISOString()}::timestamp
     WHERE o.id IN (
       SELECT c.id FROM "PmOccurrence" c JOIN "MaintenancePlan" p ON p.id = c."planId" AND p."tenantId" = ${tenantId}
        WHERE c."tenantId" = ${tenantId} AND c.status = 'due' AND p.active
        ORDER BY c."dueAt", c.id LIMIT ${BATCH} FOR UPDATE OF c SKIP LOCKED)
       AND o.status = 'due'
    RETURNING o.id, o."planId", o."dueAt"`;
  if (claimed.length === 0) return 0;

  const plans = await tx.maintenancePlan.findMany({
    where: { tenantId, id: { in: [...new Set(claimed.map((c) => c.planId))] } },
    select: {
      id: true,
      code: true,
      name: true,
      description: true,
      workOrderType: true,
      priority: true,
      estimatedHours: true,
      assetId: true,
      asset: { select: { locationId: true } },
      tasks: { select: { position: true, description: true }, orderBy: { position: "asc" } },
    },
  });
  const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { settings: true } });
  const settings = tenant.settings as { workOrderPrefix?: unknown } | null;
  const prefix = typeof settings?.workOrderPrefix === "string" ? settings.workOrderPrefix : "WO-";
  // One bump of the tenant's sequence for the whole batch; the row lock orders concurrent creators.
  const [{ value: last }] = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "TenantCounter" ("tenantId", name, value) VALUES (${tenantId}, 'workorder', ${claimed.length})
    ON CONFLICT ("tenantId", name) DO UPDATE SET value = "TenantCounter".value + ${claimed.length}
    RETURNING value`;

  for (const [i, occurrence] of claimed.entries()) {
    const plan = plans.find((p) => p.id === occurrence.planId)!;
    const number = last - claimed.length + 1 + i;
    const code = `${prefix}${String(number).padStart(6, "0")}`;
    const wo = await tx.workOrder.create({
      data: {
        tenantId,
        number,
        code,
        title: plan.name,
        description: [plan.description, `Generated from maintenance plan ${plan.code}.`].filter(Boolean).join("\n\n"),
        type: plan.workOrderType,
        priority: plan.priority,
        status: "open",
        assetId: plan.assetId,
        locationId: plan.asset?.locationId ?? null,
        planId: plan.id,
        dueAt: occurrence.dueAt,
        estimatedHours: plan.estimatedHours,
        tasks: { createMany: { data: plan.tasks.map((t) => ({ tenantId, position: t.position, description: t.description })) } },
      },
      select: { id: true },
    });
    await tx.pmOccurrence.update({ where: { id: occurrence.id }, data: { workOrderId: wo.id } });
    await audit(tx, access, {
      action: "workorder.create",
      entity: "WorkOrder",
      entityId: wo.id,
      after: { code, planId: plan.id, occurrenceId: occurrence.id, dueAt: occurrence.dueAt.toISOString() },
    });
  }
  return claimed.length;
}

/** One tenant's run. Exported for tests and for a tenant-scoped trigger (e.g. after a plan changes). */
export async function runTenantScheduler(tenantId: string, now = new Date()): Promise<Omit<SchedulerResult, "tenants">> {
  const access = systemAccess(tenantId);
  const prepared = await withTenant(tenantId, null, async (tx) => {
    const closed = await closeFinished(tx, tenantId, now);
    await realignScheduled(tx, tenantId, now);
    const occurrencesCreated = await generateOccurrences(tx, tenantId, now);
    await markDue(tx, tenantId, now);
    if (occurrencesCreated > 0) {
      await audit(tx, access, { action: "pm.schedule", entity: "PmOccurrence", after: { created: occurrencesCreated } });
    }
    return { closed, occurrencesCreated };
  });
  let workOrdersCreated = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const n = await withTenant(tenantId, null, (tx) => raiseWorkOrders(tx, access, now));
    workOrdersCreated += n;
    if (n < BATCH) break;
  }
  return { ...prepared, workOrdersCreated };
}

export async function runScheduler(now = new Date()): Promise<SchedulerResult> {
  const total: SchedulerResult = { tenants: 0, occurrencesCreated: 0, workOrdersCreated: 0, closed: 0 };
  for (const tenantId of await listTenantIds()) {
    const r = await runTenantScheduler(tenantId, now);
    total.tenants++;
    total.occurrencesCreated += r.occurrencesCreated;
    total.workOrdersCreated += r.workOrdersCreated;
    total.closed += r.closed;
  }
  return total;
}
