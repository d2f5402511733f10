import "server-only";
// Maintenance plans with their tasks and triggers. Every function takes the caller's Access first, checks
// the plans right, filters by its tenant inside the query and runs under RLS for that tenant. Saving a plan
// (re)schedules its calendar occurrences in the same transaction, so its calendar is right at once.
import { withTenant, type Tx } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";
import type { Action } from "@/lib/tenancy/permissions";
import { planInput, planListInput, updatePlanInput, type PlanInput, type PlanInputRaw, type PlanListInput } from "@/lib/validation/plan";
import { audit } from "./audit";
import { clampLimit, decodeCursor, toPage } from "./pagination";
import { generateOccurrences } from "./plans-schedule";

function requireRight(access: Access, action: Action) {
  if (!can(access, "plans", action)) throw forbidden();
}

const triggerSelect = {
  id: true,
  kind: true,
  interval: true,
  unit: true,
  floating: true,
  startsAt: true,
  meterId: true,
  meterInterval: true,
  threshold: true,
  direction: true,
  meter: { select: { id: true, name: true, unit: true } },
} as const;

export async function listPlans(access: Access, raw: PlanListInput) {
  requireRight(access, "view");
  const input = planListInput.parse(raw);
  const limit = clampLimit(input.limit);
  const after = decodeCursor(input.cursor);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const rows = await tx.maintenancePlan.findMany({
      where: {
        tenantId: access.tenantId,
        ...(input.assetId ? { assetId: input.assetId } : {}),
        ...(input.active === undefined ? {} : { active: input.active }),
        AND: [
          input.q ? { OR: [{ code: { contains: input.q, mode: "insensitive" } }, { name: { contains: input.q, mode: "insensitive" } }] } : {},
          after ? { OR: [{ code: { gt: String(after.k) } }, { code: String(after.k), id: { gt: after.id } }] } : {},
        ],
      },
      select: {
        id: true,
        code: true,
        name: true,
        active: true,
        workOrderType: true,
        priority: true,
        estimatedHours: true,
        asset: { select: { id: true, code: true, name: true } },
        triggers: { select: triggerSelect, orderBy: { createdAt: "asc" } },
        occurrences: {
          where: { status: { in: ["scheduled", "due"] } },
          orderBy: { dueAt: "asc" },
          take: 1,
          select: { dueAt: true, status: true },
        },
      },
      orderBy: [{ code: "asc" }, { id: "asc" }],
      take: limit + 1,
    });
    const page = toPage(rows, limit, (r) => r.code);
    return { ...page, items: page.items.map(({ occurrences, ...p }) => ({ ...p, nextDueAt: occurrences[0]?.dueAt ?? null })) };
  });
}

export async function getPlan(access: Access, id: string, now = new Date()) {
  requireRight(access, "view");
  const plan = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.maintenancePlan.findFirst({
      where: { id, tenantId: access.tenantId },
      select: {
        id: true,
        code: true,
        name: true,
        description: true,
        active: true,
        workOrderType: true,
        priority: true,
        estimatedHours: true,
        createdAt: true,
        updatedAt: true,
        asset: { select: { id: true, code: true, name: true } },
        tasks: { select: { id: true, position: true, description: true }, orderBy: { position: "asc" } },
        triggers: { select: triggerSelect, orderBy: { createdAt: "asc" } },
        occurrences: {
          where: { dueAt: { gte: now }, status: { in: ["scheduled", "due", "in_wo"] } },
          orderBy: { dueAt: "asc" },
          take: 10,
          select: { id: true, dueAt: true, status: true, workOrder: { select: { id: true, code: true, status: true } } },
        },
        workOrders: {
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: 5,
          select: { id: true, code: true, status: true, dueAt: true, completedAt: true },
        },
      },
    }),
  );
  if (!plan) throw notFound("Maintenance plan not found");
  return plan;
}

/** Asset and meter ids in a plan must be the tenant's own: another tenant's id is simply "not found". */
async function checkReferences(tx: Tx, tenantId: string, input: PlanInput) {
  if (input.assetId && !(await tx.asset.findFirst({ where: { id: input.assetId, tenantId }, select: { id: true } }))) {
    throw notFound("Asset not found");
  }
  const meterIds = [...new Set(input.triggers.flatMap((t) => (t.kind === "calendar" ? [] : [t.meterId])))];
  if (meterIds.length && (await tx.meter.count({ where: { tenantId, id: { in: meterIds } } })) !== meterIds.length) {
    throw notFound("Meter not found");
  }
}

function childRows(tenantId: string, planId: string, input: PlanInput) {
  return {
    tasks: input.tasks.map((t, i) => ({ tenantId, planId, position: i + 1, description: t.description })),
    triggers: input.triggers.map((t) => ({
      tenantId,
      planId,
      kind: t.kind,
      interval: t.kind === "calendar" ? t.interval : null,
      unit: t.kind === "calendar" ? t.unit : null,
      floating: t.kind === "calendar" ? t.floating : false,
      startsAt: t.kind === "calendar" ? t.startsAt : null,
      meterId: t.kind === "calendar" ? null : t.meterId,
      meterInterval: t.kind === "meter_interval" ? t.meterInterval : null,
      threshold: t.kind === "meter_threshold" ? t.threshold : null,
      direction: t.kind === "meter_threshold" ? t.direction : null,
    })),
  };
}

const header = (input: PlanInput) => ({
  code: input.code,
  name: input.name,
  description: input.description ?? null,
  assetId: input.assetId ?? null,
  workOrderType: input.workOrderType,
  priority: input.priority,
  estimatedHours: input.estimatedHours ?? null,
  active: input.active,
});

function conflictOnCode(e: unknown): never {
  if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
    throw new AppError("conflict", "A plan with this code already exists", { field: "code" });
  }
  throw e;
}

export async function createPlan(access: Access, raw: PlanInputRaw, now = new Date()): Promise<{ id: string; occurrences: number }> {
  requireRight(access, "create");
  const input = planInput.parse(raw);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    await checkReferences(tx, access.tenantId, input);
    const plan = await tx.maintenancePlan.create({ data: { tenantId: access.tenantId, ...header(input) }, select: { id: true } }).catch(conflictOnCode);
    const { tasks, triggers } = childRows(access.tenantId, plan.id, input);
    await tx.planTask.createMany({ data: tasks });
    await tx.planTrigger.createMany({ data: triggers });
    const occurrences = await generateOccurrences(tx, access.tenantId, now, [plan.id]);
    await audit(tx, access, { action: "plan.create", entity: "MaintenancePlan", entityId: plan.id, after: { code: input.code, name: input.name, triggers: input.triggers.length } });
    return { id: plan.id, occurrences };
  });
}

/**
 * Replaces the header, tasks and triggers. Future occurrences still only scheduled are dropped and planned
 * again from the new triggers; ones already due or turned into work orders stay.
 */
export async function updatePlan(access: Access, raw: PlanInputRaw & { id: string }, now = new Date()): Promise<void> {
  requireRight(access, "edit");
  const input = updatePlanInput.parse(raw);
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const before = await tx.maintenancePlan.findFirst({ where: { id: input.id, tenantId: access.tenantId }, select: { code: true, name: true, active: true } });
    if (!before) throw notFound("Maintenance plan not found");
    await checkReferences(tx, access.tenantId, input);
    await tx.maintenancePlan.update({ where: { id: input.id }, data: header(input) }).catch(conflictOnCode);
    await tx.planTask.deleteMany({ where: { tenantId: access.tenantId, planId: input.id } });
    await tx.planTrigger.deleteMany({ where: { tenantId: access.tenantId, planId: input.id } });
    const { tasks, triggers } = childRows(access.tenantId, input.id, input);
    await tx.planTask.createMany({ data: tasks });
    await tx.planTrigger.createMany({ data: triggers });
    await tx.pmOccurrence.deleteMany({ where: { tenantId: access.tenantId, planId: input.id, status: "scheduled", dueAt: { gte: now } } });
    if (input.active) await generateOccurrences(tx, access.tenantId, now, [input.id]);
    await audit(tx, access, { action: "plan.update", entity: "MaintenancePlan", entityId: input.id, before, after: { code: input.code, name: input.name, active: input.active } });
  });
}

/** Deletes the plan and its occurrences; its work orders stay (they lose the link to the plan). */
export async function deletePlan(access: Access, id: string): Promise<void> {
  requireRight(access, "delete");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const plan = await tx.maintenancePlan.findFirst({ where: { id, tenantId: access.tenantId }, select: { code: true, name: true } });
    if (!plan) throw notFound("Maintenance plan not found");
    await tx.maintenancePlan.delete({ where: { id } });
    await audit(tx, access, { action: "plan.delete", entity: "MaintenancePlan", entityId: id, before: plan });
  });
}

/** Assets and meters a plan form can pick from (codes and names only). */
export async function planFormOptions(access: Access) {
  if (!can(access, "plans", "create") && !can(access, "plans", "edit")) throw forbidden();
  return withTenant(access.tenantId, access.userId, async (tx) => ({
    assets: await tx.asset.findMany({ where: { tenantId: access.tenantId, status: { not: "retired" } }, select: { id: true, code: true, name: true }, orderBy: { code: "asc" } }),
    meters: await tx.meter.findMany({
      where: { tenantId: access.tenantId },
      select: { id: true, name: true, unit: true, asset: { select: { code: true } } },
      orderBy: [{ asset: { code: "asc" } }, { name: "asc" }],
    }),
  }));
}
