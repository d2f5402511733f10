// Maintenance plans through lib/data against the seeded database: CRUD with tasks and triggers, the
// schedule on acme's business calendar (America/Chicago, Mon–Fri, Christmas holidays), upcoming and
// overdue occurrences, rights, and tenant isolation.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { createPlan, deletePlan, getPlan, listPlans, planFormOptions, updatePlan } from "@/lib/data/plans";
import { getPmCalendar, listPmOccurrences } from "@/lib/data/plans-occurrences";
import type { Access } from "@/lib/tenancy/access";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { PlanInput } from "@/lib/validation/plan";

afterAll(async () => (await db()).$disconnect());

const as = (tenantId: string, role: keyof typeof BUILT_IN_ROLES): Access => ({
  tenantId,
  userId: null,
  consumerId: null,
  permissions: toPermissions(BUILT_IN_ROLES[role].permissions),
});
const acmeAdmin = as("tenant-acme", "administrator");
const globexAdmin = as("tenant-globex", "administrator");
const iso = (d: Date) => d.toISOString();

/** A Sunday before Christmas 2026, so the weekly Thursday schedule meets the Christmas holidays. */
const NOW = new Date("2026-12-20T12:00:00Z");

const weekly: PlanInput = {
  code: "T-WEEKLY",
  name: "Weekly test plan",
  assetId: "acme-asset-l1-prs-01",
  workOrderType: "preventive",
  priority: 3,
  estimatedHours: 2,
  active: true,
  tasks: [{ description: "Grease" }, { description: "Inspect" }],
  // Thursdays 08:00 in Chicago (14:00 UTC in winter).
  triggers: [{ kind: "calendar", interval: 1, unit: "week", floating: false, startsAt: new Date("2026-12-03T14:00:00Z") }],
};

describe("maintenance plans", () => {
  let planId: string;

  it("creates a plan with tasks and a trigger, scheduled on working days", async () => {
    const created = await createPlan(acmeAdmin, weekly, NOW);
    planId = created.id;
    expect(created.occurrences).toBeGreaterThan(15); // weekly over the 120-day horizon
    const plan = await getPlan(acmeAdmin, planId, NOW);
    expect(plan).toMatchObject({ code: "T-WEEKLY", asset: { code: "L1-PRS-01" }, estimatedHours: 2 });
    expect(plan.tasks.map((t) => t.description)).toEqual(["Grease", "Inspect"]);
    expect(plan.triggers).toMatchObject([{ kind: "calendar", interval: 1, unit: "week", floating: false }]);
    // Thu 24 Dec and Fri 25 Dec are holidays, then the weekend: Monday 28 Dec, same local time.
    expect(plan.occurrences.slice(0, 3).map((o) => iso(o.dueAt))).toEqual([
      "2026-12-28T14:00:00.000Z",
      "2026-12-31T14:00:00.000Z",
      "2027-01-07T14:00:00.000Z",
    ]);
  });

  it("lists plans with their next due date, searches and pages", async () => {
    const page = await listPlans(acmeAdmin, { q: "weekly test", limit: 10 });
    expect(page.items.map((p) => p.code)).toEqual(["T-WEEKLY"]);
    expect(page.items[0].nextDueAt?.toISOString()).toBe("2026-12-28T14:00:00.000Z");
    const first = await listPlans(acmeAdmin, { limit: 5 });
    const second = await listPlans(acmeAdmin, { limit: 5, cursor: first.nextCursor! });
    expect(second.items[0].code > first.items[4].code).toBe(true);
  });

  it("shows the calendar with holidays and non-working days", async () => {
    const cal = await getPmCalendar(acmeAdmin, { from: NOW, days: 14 });
    expect(cal.timezone).toBe("America/Chicago");
    const day = (date: string) => cal.days.find((d) => d.date === date)!;
    expect(day("2026-12-24")).toMatchObject({ working: false, holiday: "Christmas Eve (plant shutdown)" });
    expect(day("2026-12-26")).toMatchObject({ working: false, holiday: null });
    expect(day("2026-12-28").occurrences.some((o) => o.plan.code === "T-WEEKLY")).toBe(true);
    expect(day("2026-12-24").occurrences.some((o) => o.plan.code === "T-WEEKLY")).toBe(false);
  });

  it("re-plans future occurrences when the trigger changes", async () => {
    await updatePlan(acmeAdmin, { ...weekly, id: planId, name: "Monthly now", triggers: [{ kind: "calendar", interval: 1, unit: "month", floating: false, startsAt: new Date("2027-01-05T14:00:00Z") }] }, NOW);
    const plan = await getPlan(acmeAdmin, planId, NOW);
    expect(plan.name).toBe("Monthly now");
    expect(plan.occurrences.map((o) => iso(o.dueAt)).slice(0, 2)).toEqual(["2027-01-05T14:00:00.000Z", "2027-02-05T14:00:00.000Z"]);
  });

  it("refuses a duplicate code, a bad trigger and another tenant's asset or meter", async () => {
    await expect(createPlan(acmeAdmin, weekly, NOW)).rejects.toMatchObject({ code: "conflict" });
    await expect(createPlan(acmeAdmin, { ...weekly, code: "T-2", triggers: [] })).rejects.toThrow();
    await expect(createPlan(acmeAdmin, { ...weekly, code: "T-3", assetId: "globex-asset-anything" })).rejects.toMatchObject({ code: "not_found" });
    const [globexMeter] = await withTenant("tenant-globex", null, (tx) => tx.meter.findMany({ take: 1, select: { id: true } }));
    await expect(
      createPlan(acmeAdmin, { ...weekly, code: "T-4", assetId: undefined, triggers: [{ kind: "meter_interval", meterId: globexMeter.id, meterInterval: 100 }] }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("applies role rights", async () => {
    const viewer = as("tenant-acme", "read_only");
    expect((await listPlans(viewer, {})).items.length).toBeGreaterThan(0);
    await expect(createPlan(viewer, { ...weekly, code: "T-V" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updatePlan(as("tenant-acme", "technician"), { ...weekly, id: planId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deletePlan(as("tenant-acme", "technician"), planId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(planFormOptions(viewer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listPlans(as("tenant-acme", "requester"), {})).rejects.toMatchObject({ code: "forbidden" });
  });

  it("never shows or changes another tenant's plans", async () => {
    await expect(getPlan(globexAdmin, planId)).rejects.toMatchObject({ code: "not_found" });
    await expect(updatePlan(globexAdmin, { ...weekly, id: planId, assetId: undefined })).rejects.toMatchObject({ code: "not_found" });
    await expect(deletePlan(globexAdmin, planId)).rejects.toMatchObject({ code: "not_found" });
    await expect(listPmOccurrences(globexAdmin, { planId })).rejects.toMatchObject({ code: "not_found" });
    const globexPlans = await listPlans(globexAdmin, { limit: 100 });
    expect(globexPlans.items.some((p) => p.id === planId || p.code === "T-WEEKLY")).toBe(false);
    const cal = await getPmCalendar(globexAdmin, { from: NOW, days: 14 });
    expect(cal.days.flatMap((d) => d.occurrences).some((o) => o.plan.id === planId)).toBe(false);
    expect((await getPlan(acmeAdmin, planId)).id).toBe(planId);
  });

  it("deletes a plan and its occurrences", async () => {
    await deletePlan(acmeAdmin, planId);
    await expect(getPlan(acmeAdmin, planId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("PM occurrences", () => {
  it("lists upcoming ones soonest first and overdue ones not yet done", async () => {
    const now = new Date();
    const upcoming = await listPmOccurrences(acmeAdmin, { when: "upcoming", days: 60, limit: 100 }, now);
    expect(upcoming.items.length).toBeGreaterThan(0);
    const dues = upcoming.items.map((o) => o.dueAt.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    for (const o of upcoming.items) expect(o.dueAt.getTime()).toBeGreaterThanOrEqual(now.getTime());

    const overdue = await listPmOccurrences(acmeAdmin, { when: "overdue", limit: 100 }, now);
    expect(overdue.items.length).toBeGreaterThan(0); // the seed leaves some PM overdue
    for (const o of overdue.items) {
      expect(o.dueAt.getTime()).toBeLessThan(now.getTime());
      expect(["scheduled", "due", "in_wo"]).toContain(o.status);
      if (o.workOrder) expect(["completed", "cancelled"]).not.toContain(o.workOrder.status);
    }
    const page1 = await listPmOccurrences(acmeAdmin, { when: "upcoming", days: 120, limit: 2 }, now);
    const page2 = await listPmOccurrences(acmeAdmin, { when: "upcoming", days: 120, limit: 2, cursor: page1.nextCursor! }, now);
    expect(page2.items[0].id).not.toBe(page1.items[1].id);
    expect(page2.items[0].dueAt.getTime()).toBeGreaterThanOrEqual(page1.items[1].dueAt.getTime());
  });

  it("filters by plan and asset, and refuses another tenant's ids", async () => {
    const { items } = await listPmOccurrences(acmeAdmin, { when: "upcoming", days: 120, assetId: "acme-asset-ut-ac-01" });
    expect(items.every((o) => o.plan.asset?.id === "acme-asset-ut-ac-01")).toBe(true);
    await expect(listPmOccurrences(globexAdmin, { assetId: "acme-asset-ut-ac-01" })).rejects.toMatchObject({ code: "not_found" });
  });
});
