// The metric tools called directly with an Access on the hand-computed fixture of test/kpi-fixture.ts:
// same figures as lib/kpi, formulas returned, schemas render, another tenant's ids are "not found".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { openSql } from "@/lib/db/sql";
import type { Access } from "@/lib/tenancy/access";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import { FX, insertKpiFixture } from "@/test/kpi-fixture";
import type { ToolDefinition } from "../define";
import { metricTools } from "./metrics";

const viewer: Access = { tenantId: FX.tenantId, userId: null, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.read_only.permissions) };
const acme: Access = { tenantId: "tenant-acme", userId: null, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions) };

async function call(name: string, input: unknown, access = viewer) {
  const t: ToolDefinition = metricTools.find((x) => x.name === name)!;
  const result = await t.handler(t.input.parse(input), { access, ip: null });
  expect(t.output.safeParse(result.structured).success, `${name} output matches its schema`).toBe(true);
  expect(result.summary.length).toBeGreaterThan(0);
  return { out: result.structured as Record<string, any>, summary: result.summary };
}

beforeAll(async () => {
  const sql = await openSql();
  try {
    await insertKpiFixture(sql);
  } finally {
    await sql.close();
  }
});
afterAll(async () => (await db()).$disconnect());

describe("metric tools", () => {
  it("are declared read-only with metrics:read and render as JSON Schema", () => {
    expect(metricTools.map((t) => t.name)).toEqual(["get_kpis", "get_downtime_ranking", "get_failure_pareto"]);
    for (const t of metricTools) {
      expect(t).toMatchObject({ scopes: ["metrics:read"], permission: ["metrics", "view"], annotations: { readOnlyHint: true, destructiveHint: false } });
      expect(() => z.toJSONSchema(t.input, { io: "input" })).not.toThrow();
      expect(() => z.toJSONSchema(t.output, { io: "output" })).not.toThrow();
    }
  });

  it("get_kpis returns the hand-computed figures with their formulas", async () => {
    const { out, summary } = await call("get_kpis", FX.period);
    const kpi = Object.fromEntries(out.kpis.map((k: { key: string; value: number | null }) => [k.key, k.value]));
    // Period figures (see test/kpi.test.ts); the snapshot ones are "as of now", after the fixture's dates.
    expect(kpi).toMatchObject({ mttr: 5, mtbf: 730, availability: 0.9856, pmCompliance: 0.3333, plannedPercent: 0.375, maintenanceCost: 439, openWorkOrders: 4, overdueWorkOrders: 4 });
    expect(out.kpis.find((k: { key: string }) => k.key === "mttr").formula).toMatch(/restoration time ÷ failures/);
    expect(out.kpis.find((k: { key: string }) => k.key === "availability").smrp).toMatch(/Availability/);
    expect(out.inputs).toMatchObject({ labourCost: 371, partsCost: 68, failures: 3 });
    expect(summary).toMatch(/mttr 5 h/);
    expect(summary).toMatch(/maintenanceCost 439\.00 USD/);
  });

  it("get_downtime_ranking and get_failure_pareto", async () => {
    const { out: ranking } = await call("get_downtime_ranking", { ...FX.period, limit: 2 });
    expect(ranking.assets.map((a: { code: string }) => a.code)).toEqual(["P2", "F1"]);
    const { out: pareto } = await call("get_failure_pareto", { ...FX.period, category: "Pump" });
    expect(pareto.causes).toEqual([{ cause: "wear", failures: 2, cumulativeShare: 1 }]);
  });

  it("refuse another tenant's asset and location ids", async () => {
    await expect(call("get_kpis", { ...FX.period, assetId: FX.asset.p1 }, acme)).rejects.toMatchObject({ code: "not_found" });
    await expect(call("get_downtime_ranking", { ...FX.period, locationId: FX.loc.bay }, acme)).rejects.toMatchObject({ code: "not_found" });
    await expect(call("get_failure_pareto", { ...FX.period, assetId: "acme-asset-ut-ac-01" })).rejects.toMatchObject({ code: "not_found" });
    const { out } = await call("get_downtime_ranking", { from: "2025-01-01", to: "2026-12-31", limit: 50 }, acme);
    expect(out.assets.some((a: { assetId: string }) => a.assetId.startsWith("kpifx-"))).toBe(false);
  });
});
