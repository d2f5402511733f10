// The PM tools called directly with an Access against the seeded database: upcoming and overdue
// occurrences, a plan by id or code, and acme's access given globex's ids (id, filters, cursor).
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { ToolDefinition } from "../define";
import { planTools } from "./plans";

const as = (tenantId: string, role: keyof typeof BUILT_IN_ROLES): Access => ({
  tenantId,
  userId: null,
  consumerId: null,
  permissions: toPermissions(BUILT_IN_ROLES[role].permissions),
});
const acme = as("tenant-acme", "read_only");
const globex = as("tenant-globex", "administrator");

async function call(name: string, input: unknown, access = acme) {
  const t: ToolDefinition = planTools.find((x) => x.name === name)!;
  const result = await t.handler(t.input.parse(input), { access, ip: null });
  expect(t.output.safeParse(result.structured).success, `${name} output matches its schema`).toBe(true);
  expect(result.summary.length).toBeGreaterThan(0);
  return result.structured as Record<string, any>;
}

afterAll(async () => (await db()).$disconnect());

describe("plan tools", () => {
  it("are read-only with plans:read and render as JSON Schema", () => {
    expect(planTools.map((t) => t.name)).toEqual(["list_pm_occurrences", "get_maintenance_plan"]);
    for (const t of planTools) {
      expect(t).toMatchObject({ scopes: ["plans:read"], permission: ["plans", "view"], annotations: { readOnlyHint: true } });
      expect(() => z.toJSONSchema(t.input, { io: "input" })).not.toThrow();
      expect(() => z.toJSONSchema(t.output, { io: "output" })).not.toThrow();
    }
  });

  it("list_pm_occurrences lists upcoming and overdue PM and pages", async () => {
    const upcoming = await call("list_pm_occurrences", { days: 120, limit: 3 });
    expect(upcoming.items).toHaveLength(3);
    expect(upcoming.items[0]).toMatchObject({ plan: { code: expect.stringMatching(/^PM-/) } });
    const next = await call("list_pm_occurrences", { days: 120, limit: 3, cursor: upcoming.nextCursor });
    expect(next.items[0].dueAt >= upcoming.items[2].dueAt).toBe(true);
    const overdue = await call("list_pm_occurrences", { when: "overdue" });
    expect(overdue.items.length).toBeGreaterThan(0);
    for (const o of overdue.items) expect(Date.parse(o.dueAt)).toBeLessThan(Date.now());
  });

  it("get_maintenance_plan by code or id", async () => {
    const byCode = await call("get_maintenance_plan", { code: "pm-003" });
    expect(byCode).toMatchObject({ code: "PM-003", asset: { code: "UT-AC-01" }, triggers: [{ kind: "meter_interval", every: "2000 h" }] });
    expect(byCode.tasks.length).toBeGreaterThan(1);
    const byId = await call("get_maintenance_plan", { id: byCode.id });
    expect(byId.code).toBe("PM-003");
    const monthly = await call("get_maintenance_plan", { code: "PM-002" });
    expect(monthly.triggers[0].every).toBe("1 month (fixed)");
    await expect(call("get_maintenance_plan", { code: "NOPE-1" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("another tenant's ids are not found and leak nothing", async () => {
    const [globexPlan] = await withTenant("tenant-globex", null, (tx) => tx.maintenancePlan.findMany({ take: 1, select: { id: true, code: true } }));
    await expect(call("get_maintenance_plan", { id: globexPlan.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(call("list_pm_occurrences", { planId: globexPlan.id })).rejects.toMatchObject({ code: "not_found" });
    const globexOccurrences = await call("list_pm_occurrences", { days: 120, limit: 1 }, globex);
    const viaCursor = await call("list_pm_occurrences", { days: 120, limit: 100, cursor: globexOccurrences.nextCursor });
    expect(viaCursor.items.every((o: { plan: { id: string } }) => o.plan.id.startsWith("acme-"))).toBe(true);
  });
});
