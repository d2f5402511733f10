// KPI queries against figures worked out by hand on the fixture of test/kpi-fixture.ts (January 2026,
// UTC, 744 hours). The arithmetic is written out next to each expectation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { openSql } from "@/lib/db/sql";
import { getDashboard, getDowntimeRanking, getFailurePareto, getKpis, type KpiReport } from "@/lib/kpi";
import type { Access } from "@/lib/tenancy/access";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import { FX, insertKpiFixture } from "./kpi-fixture";

const access = (tenantId: string, role = "read_only"): Access => ({
  tenantId,
  userId: null,
  consumerId: null,
  permissions: toPermissions(BUILT_IN_ROLES[role].permissions),
});
const fx = access(FX.tenantId);
const jan = { ...FX.period };
const value = (r: KpiReport, key: string) => r.kpis.find((k) => k.key === key)?.value;

beforeAll(async () => {
  const sql = await openSql();
  try {
    await insertKpiFixture(sql);
  } finally {
    await sql.close();
  }
});
afterAll(async () => (await db()).$disconnect());

describe("KPIs of the fixture tenant, January 2026", () => {
  it("match the hand-computed figures with no filter", async () => {
    const r = await getKpis(fx, jan, FX.now);
    expect(r.period).toEqual({ from: "2026-01-01T00:00:00.000Z", to: "2026-02-01T00:00:00.000Z", hours: 744 });
    // Equipment: P1, P2, F1 (LINE has children, R1 is retired) → 3 × 744 h = 2232 asset-hours.
    // Unplanned downtime clipped to January: D1 4 h + D2 2 h (22:00–24:00) + D3 2 h (00:00–02:00) + D5 24 h (open) = 32 h.
    // Planned: D4 10 h. Uptime = 2232 − 32 − 10 = 2190 h.
    expect(r.inputs).toMatchObject({
      equipment: 3,
      unplannedDowntimeHours: 32,
      plannedDowntimeHours: 10,
      failures: 3, // D1, D2, D5 started in January (D3 started in December)
      restoredFailures: 2, // D5 is still running
      restorationHours: 10, // D1 4 h + D2 6 h (its whole duration)
      pmDue: 3, // WO4, WO5, WO6 (WO7 cancelled, WO12 due in February)
      pmOnTime: 1, // WO4 only: WO5 was late, WO6 is not done
      labourHours: 8, // (180 + 60 + 90 + 30 + 120) min
      plannedHours: 3, // WO4 60 + WO5 90 + WO8 30 min (not corrective)
      labourCost: 371, // 150 + 40 + 60 + 30 + 91
      partsCost: 68, // 2 × 12.50 + 1.5 × 20 + 1 × 13
      openWorkOrders: 4, // WO3, WO6, WO11, WO12
      overdueWorkOrders: 3, // WO3, WO6, WO12 (WO11 due 1 March)
      openEstimatedHours: 23, // 8 + 2 + 10 + 3
      weeklyCapacityHours: 80, // crew 2 × 5 days × 8 h
    });
    expect(value(r, "mttr")).toBe(5); // 10 h ÷ 2
    expect(value(r, "mtbf")).toBe(730); // 2190 ÷ 3
    expect(value(r, "availability")).toBe(0.9856); // 2190 ÷ (2190 + 32) = 0.98560…
    expect(value(r, "pmCompliance")).toBe(0.3333); // 1 ÷ 3
    expect(value(r, "plannedPercent")).toBe(0.375); // 3 ÷ 8
    expect(value(r, "backlogWeeks")).toBe(0.29); // 23 ÷ 80 = 0.2875
    expect(value(r, "openWorkOrders")).toBe(4);
    expect(value(r, "overdueWorkOrders")).toBe(3);
    expect(value(r, "maintenanceCost")).toBe(439); // 371 + 68
    expect(r.currency).toBe("USD");
    for (const k of r.kpis) expect(k.formula.length, k.key).toBeGreaterThan(20);
  });

  it("scope an asset with its descendants, or alone", async () => {
    const line = await getKpis(fx, { ...jan, assetId: FX.asset.line }, FX.now);
    // P1 and P2 (LINE has children in scope): 2 × 744 = 1488; unplanned 32 h, no planned downtime.
    expect(line.inputs).toMatchObject({ equipment: 2, unplannedDowntimeHours: 32, plannedDowntimeHours: 0, failures: 3 });
    expect(value(line, "mtbf")).toBe(485.33); // (1488 − 32) ÷ 3
    expect(value(line, "availability")).toBe(0.9785); // 1456 ÷ 1488
    const alone = await getKpis(fx, { ...jan, assetId: FX.asset.line, includeDescendants: false }, FX.now);
    expect(alone.inputs).toMatchObject({ equipment: 1, unplannedDowntimeHours: 0, failures: 0, labourHours: 0 });
    expect(value(alone, "mttr")).toBeNull();
    expect(value(alone, "mtbf")).toBeNull();
    expect(value(alone, "availability")).toBe(1);
  });

  it("scope a category and a location", async () => {
    const fans = await getKpis(fx, { ...jan, category: "Fan" }, FX.now);
    // F1: planned downtime 10 h only; labour WO4 60 min + WO8 30 min (both planned) + WO9 120 min (corrective);
    // cost 40 + 30 + 91 labour + 13 parts (WO9).
    expect(fans.inputs).toMatchObject({ equipment: 1, plannedDowntimeHours: 10, unplannedDowntimeHours: 0, labourHours: 3.5, plannedHours: 1.5 });
    expect(value(fans, "availability")).toBe(1);
    expect(value(fans, "plannedPercent")).toBe(0.4286); // 1.5 ÷ 3.5
    expect(value(fans, "maintenanceCost")).toBe(174);
    const bay = await getKpis(fx, { ...jan, locationId: FX.loc.bay }, FX.now);
    // At BAY: P1, plus WO11 recorded at BAY without an asset.
    expect(bay.inputs).toMatchObject({ equipment: 1, pmDue: 1, pmOnTime: 0, openWorkOrders: 2, overdueWorkOrders: 1, openEstimatedHours: 12 });
    const site = await getKpis(fx, { ...jan, locationId: FX.loc.site }, FX.now);
    expect(site.inputs.equipment).toBe(3); // the site contains the bay
  });

  it("sum labour and parts exactly over a period that starts and ends mid-day", async () => {
    // Whole UTC days come from the daily rollup, the partial first and last day from the raw rows.
    const r = await getKpis(fx, { from: "2026-01-10T10:00:00Z", to: "2026-01-22T10:30:00Z" }, FX.now);
    // Time entries starting in [10 Jan 10:00, 22 Jan 10:30): TE2 60 + TE3 90 (22 Jan 10:00) + TE4 30 + TE5 120 min;
    // TE1 (10 Jan 09:00) starts before. Planned: TE2 (WO4 preventive) + TE3 (WO5 preventive) + TE4 (WO8 inspection).
    // Labour cost 40 + 60 + 30 + 91; parts PU1 (10 Jan 11:00) 2 × 12.50 + PU3 (21 Jan) 13; PU2 (22 Jan 11:00) is after.
    expect(r.inputs).toMatchObject({ labourHours: 5, plannedHours: 3, labourCost: 221, partsCost: 38 });
    // Within one day, and scoped to the fans (F1): only TE5 (20 Jan 09:00, WO9) and no parts.
    const day = await getKpis(fx, { from: "2026-01-20T08:00:00Z", to: "2026-01-20T18:00:00Z", category: "Fan" }, FX.now);
    expect(day.inputs).toMatchObject({ labourHours: 2, plannedHours: 0, labourCost: 91, partsCost: 0 });
  });

  it("rank assets by downtime and build the failure Pareto", async () => {
    const ranking = await getDowntimeRanking(fx, { ...jan, limit: 5 }, FX.now);
    expect(ranking.assets.map((a) => [a.code, a.unplannedHours, a.plannedHours, a.failures])).toEqual([
      ["P2", 26, 0, 1],
      ["F1", 0, 10, 0],
      ["P1", 6, 0, 2],
    ]);
    const pareto = await getFailurePareto(fx, jan, FX.now);
    expect(pareto.total).toBe(3);
    expect(pareto.causes).toEqual([
      { cause: "wear", failures: 2, cumulativeShare: 0.6667 },
      { cause: "electrical", failures: 1, cumulativeShare: 1 },
    ]);
  });

  it("break work orders down by status and priority, and by month (the dashboard's bundle)", async () => {
    const { breakdown: b, report } = await getDashboard(fx, jan, FX.now);
    expect(report.kpis.find((k) => k.key === "mttr")?.value).toBe(5);
    expect(Object.fromEntries(b.byStatus.map((s) => [s.status, s.count]))).toEqual({ completed: 6, in_progress: 1, open: 1, cancelled: 1 });
    expect(b.byPriority).toEqual([
      { priority: 1, count: 2 },
      { priority: 2, count: 2 },
      { priority: 3, count: 4 },
      { priority: 4, count: 1 },
    ]);
    const trends = await getDashboard(fx, { from: "2025-12-01", to: "2026-02-28" }, FX.now);
    expect(trends.months.map((m) => m.month)).toEqual(["2025-12", "2026-01", "2026-02"]);
    const [dec, janM, feb] = trends.months;
    expect(dec).toMatchObject({ created: 1, completed: 1, labourCost: 50, partsCost: 0, failures: 1, unplannedDowntimeHours: 6, mttr: 6 });
    expect(janM).toMatchObject({ created: 9, completed: 5, labourCost: 371, partsCost: 68, failures: 3, mttr: 5 });
    // Attributed to the month it started: D1 4 h, D2 6 h, and D5 still running from 31 Jan to "now" (15 Feb): 15 days.
    expect(janM.unplannedDowntimeHours).toBe(4 + 6 + 15 * 24);
    expect(feb).toMatchObject({ created: 2, completed: 1, labourCost: 100, partsCost: 12.5, failures: 0, mttr: null });
  });
});

describe("KPI access", () => {
  it("needs metrics:view", async () => {
    await expect(getKpis(access(FX.tenantId, "requester"), jan)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("treats another tenant's asset or location as not found, and never counts its rows", async () => {
    const acme = access("tenant-acme");
    await expect(getKpis(acme, { ...jan, assetId: FX.asset.p1 })).rejects.toMatchObject({ code: "not_found" });
    await expect(getKpis(acme, { ...jan, locationId: FX.loc.bay })).rejects.toMatchObject({ code: "not_found" });
    await expect(getDowntimeRanking(acme, { ...jan, assetId: FX.asset.p1 })).rejects.toMatchObject({ code: "not_found" });
    const ranking = await getDowntimeRanking(acme, { from: "2025-01-01", to: "2026-12-31", limit: 50 });
    expect(ranking.assets.some((a) => a.assetId.startsWith("kpifx-"))).toBe(false);
    await expect(getKpis(fx, { ...jan, assetId: "acme-asset-does-not-matter" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("rejects a period that ends before it starts", async () => {
    await expect(getKpis(fx, { from: "2026-02-01", to: "2026-01-01" })).rejects.toMatchObject({ code: "invalid" });
  });
});
