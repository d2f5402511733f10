// The PM scheduler against the seeded database: concurrent runs raise exactly one work order per due
// occurrence, re-runs change nothing, plan tasks are copied and codes continue the tenant's sequence.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { createPlan } from "@/lib/data/plans";
import { fromZoned, zonedParts } from "@/lib/data/plans-calendar";
import { runScheduler, runTenantScheduler } from "@/lib/data/scheduler";
import type { Access } from "@/lib/tenancy/access";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";

const admin = (tenantId: string): Access => ({
  tenantId,
  userId: null,
  consumerId: null,
  permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions),
});
const DAY = 86_400_000;

afterAll(async () => (await db()).$disconnect());

// Checks go through the app's own client (as the app role, under RLS for that tenant): with embedded PGlite
// a second connection would not see the app's writes.
const rows = <T>(text: string, params: unknown[] = [], tenantId = "tenant-acme") =>
  withTenant(tenantId, null, (tx) => tx.$queryRawUnsafe<T[]>(text, ...params));
const exec = (tenantId: string, text: string, params: unknown[] = []) => withTenant(tenantId, null, (tx) => tx.$executeRawUnsafe(text, ...params));

describe("PM scheduler", () => {
  it("raises exactly one work order per due occurrence when two runs race, and nothing on a re-run", async () => {
    const now = new Date();
    const [before] = await rows<{ wos: number; counter: number }>(
      `SELECT (SELECT count(*)::int FROM "WorkOrder" WHERE "tenantId" = 'tenant-acme') AS wos,
              (SELECT value FROM "TenantCounter" WHERE "tenantId" = 'tenant-acme' AND name = 'workorder') AS counter`,
    );
    const counters = [
      ...(await rows<{ tenantId: string; value: number }>(`SELECT "tenantId", value FROM "TenantCounter" WHERE name = 'workorder'`)),
      ...(await rows<{ tenantId: string; value: number }>(`SELECT "tenantId", value FROM "TenantCounter" WHERE name = 'workorder'`, [], "tenant-globex")),
    ];
    const due = await rows<{ id: string }>(
      `SELECT o.id FROM "PmOccurrence" o JOIN "MaintenancePlan" p ON p.id = o."planId"
        WHERE o."tenantId" = 'tenant-acme' AND o.status = 'due' AND p.active`,
    );
    expect(due.length).toBeGreaterThan(0);

    const [a, b] = await Promise.all([runScheduler(now), runScheduler(now)]);
    expect(a.tenants).toBeGreaterThanOrEqual(2);

    const claimed = await rows<{ id: string; workOrderId: string | null; status: string }>(
      `SELECT id, "workOrderId", status::text AS status FROM "PmOccurrence" WHERE id = ANY($1)`,
      [due.map((d) => d.id)],
    );
    for (const o of claimed) {
      expect(o.status).toBe("in_wo");
      expect(o.workOrderId).not.toBeNull();
    }
    // One work order per occurrence, never two occurrences on one work order, none orphaned.
    const generated = await rows<{ id: string; code: string; number: number; type: string; planId: string; dueAt: Date }>(
      `SELECT w.id, w.code, w.number, w.type::text AS type, w."planId", w."dueAt" FROM "WorkOrder" w
        WHERE w."tenantId" = 'tenant-acme' AND w.number > $1 ORDER BY w.number`,
      [before.counter],
    );
    const linked = await rows<{ workOrderId: string }>(
      `SELECT "workOrderId" FROM "PmOccurrence" WHERE "workOrderId" = ANY($1)`,
      [generated.map((w) => w.id)],
    );
    expect(linked).toHaveLength(generated.length);
    expect(new Set(linked.map((l) => l.workOrderId)).size).toBe(generated.length);
    // The two runs together raised as many work orders as appeared in the tenants.
    let raised = 0;
    for (const c of counters) {
      raised += (await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "WorkOrder" WHERE number > $1`, [c.value], c.tenantId))[0].n;
    }
    expect(a.workOrdersCreated + b.workOrdersCreated).toBe(raised);
    expect(generated.length).toBeGreaterThanOrEqual(due.length);
    // Codes continue the tenant's sequence with no gap or duplicate.
    expect(generated.map((w) => w.number)).toEqual(generated.map((_, i) => before.counter + 1 + i));
    expect(generated[0].code).toBe(`WO-${String(before.counter + 1).padStart(6, "0")}`);

    const again = await runScheduler(now);
    expect(again.workOrdersCreated).toBe(0);
    expect(again.occurrencesCreated).toBe(0);
    const [after] = await rows<{ wos: number }>(`SELECT count(*)::int AS wos FROM "WorkOrder" WHERE "tenantId" = 'tenant-acme'`);
    expect(after.wos).toBe(before.wos + generated.length);
  });

  it("copies the plan's tasks, uses the tenant's code prefix and audits as the system", async () => {
    const now = new Date();
    await exec("tenant-globex", `UPDATE "Tenant" SET settings = settings || '{"workOrderPrefix": "PM-"}' WHERE id = 'tenant-globex'`);
    const { id: planId } = await createPlan(
      admin("tenant-globex"),
      {
        code: "SCHED-1",
        name: "Floating check",
        workOrderType: "inspection",
        priority: 2,
        estimatedHours: 1.5,
        active: true,
        tasks: [{ description: "Look" }, { description: "Listen" }],
        // Floating with nothing completed yet: the first one falls on startsAt (moved to a working day).
        triggers: [{ kind: "calendar", interval: 1, unit: "month", floating: true, startsAt: new Date(now.getTime() - 10 * DAY) }],
      },
      now,
    );
    const first = await runTenantScheduler("tenant-globex", now);
    const second = await runTenantScheduler("tenant-globex", now);
    expect(first.workOrdersCreated).toBeGreaterThanOrEqual(1);
    expect(second.workOrdersCreated).toBe(0);
    const [wo] = await rows<{ id: string; code: string; type: string; priority: number; estimatedHours: number; status: string }>(
      `SELECT id, code, type::text AS type, priority, "estimatedHours", status::text AS status FROM "WorkOrder" WHERE "planId" = $1`,
      [planId],
      "tenant-globex",
    );
    expect(wo).toMatchObject({ type: "inspection", priority: 2, estimatedHours: 1.5, status: "open" });
    expect(wo.code).toMatch(/^PM-\d{6}$/);
    const tasks = await rows<{ description: string }>(`SELECT description FROM "WorkOrderTask" WHERE "workOrderId" = $1 ORDER BY position`, [wo.id], "tenant-globex");
    expect(tasks.map((t) => t.description)).toEqual(["Look", "Listen"]);
    const [log] = await rows<{ actorType: string; userId: string | null }>(
      `SELECT "actorType"::text AS "actorType", "userId" FROM "AuditLog" WHERE entity = 'WorkOrder' AND "entityId" = $1 AND action = 'workorder.create'`,
      [wo.id],
      "tenant-globex",
    );
    expect(log).toEqual({ actorType: "system", userId: null });

    // Floating: no next occurrence until this one is done; completing its work order plans the next.
    const open = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "PmOccurrence" WHERE "planId" = $1`, [planId], "tenant-globex");
    expect(open[0].n).toBe(1);
    await exec("tenant-globex", `UPDATE "WorkOrder" SET status = 'completed', "completedAt" = $2::timestamp WHERE id = $1`, [wo.id, now.toISOString()]);
    const third = await runTenantScheduler("tenant-globex", now);
    expect(third.closed).toBe(1);
    const next = await rows<{ status: string; dueAt: Date }>(`SELECT status::text AS status, "dueAt" FROM "PmOccurrence" WHERE "planId" = $1 ORDER BY "dueAt"`, [planId], "tenant-globex");
    expect(next.map((o) => o.status)).toEqual(["done", "scheduled"]);
    expect(next[1].dueAt.getTime()).toBeGreaterThan(now.getTime() + 27 * DAY);
  });

  it("leaves inactive plans alone", async () => {
    const now = new Date();
    const { id: planId } = await createPlan(
      admin("tenant-acme"),
      {
        code: "SCHED-OFF",
        name: "Paused",
        workOrderType: "preventive",
        priority: 3,
        active: false,
        tasks: [],
        triggers: [{ kind: "calendar", interval: 1, unit: "day", floating: true, startsAt: new Date(now.getTime() - 5 * DAY) }],
      },
      now,
    );
    await runTenantScheduler("tenant-acme", now);
    const occurrences = await rows<{ n: number }>(`SELECT count(*)::int AS n FROM "PmOccurrence" WHERE "planId" = $1`, [planId]);
    expect(occurrences[0].n).toBe(0);
  });

  it("moves scheduled occurrences off days that are not working days", async () => {
    const now = new Date();
    const { id: planId } = await createPlan(
      admin("tenant-acme"),
      { code: "SCHED-MOVE", name: "Quarterly", tasks: [], triggers: [{ kind: "calendar", interval: 3, unit: "month", floating: false, startsAt: new Date(now.getTime() + 40 * DAY) }] },
      now,
    );
    // A Saturday 08:00 in Chicago, one to two weeks ahead, as if the seed or an import had put it there.
    let saturday = 0;
    for (let d = 7; d < 14 && !saturday; d++) {
      const p = zonedParts(now.getTime() + d * DAY, "America/Chicago");
      if (p.weekday === 6) saturday = fromZoned(p.year, p.month, p.day, 8, 0, "America/Chicago");
    }
    await exec("tenant-acme", `INSERT INTO "PmOccurrence" (id, "tenantId", "planId", "dueAt", status, "updatedAt") VALUES ('pmo-saturday', 'tenant-acme', $1, $2::timestamp, 'scheduled', now())`, [
      planId,
      new Date(saturday).toISOString(),
    ]);
    await runTenantScheduler("tenant-acme", now);
    const [moved] = await rows<{ dueAt: Date }>(`SELECT "dueAt" FROM "PmOccurrence" WHERE id = 'pmo-saturday'`);
    const p = zonedParts(moved.dueAt.getTime(), "America/Chicago");
    expect(p.weekday).toBeLessThanOrEqual(5);
    expect(p.hour).toBe(8);
    expect(moved.dueAt.getTime() - saturday).toBeGreaterThanOrEqual(2 * DAY - 2 * 3_600_000); // at least to Monday (DST-safe)
    expect(moved.dueAt.getTime() - saturday).toBeLessThan(6 * DAY);
  });
});
