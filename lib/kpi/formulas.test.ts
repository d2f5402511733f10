// The KPI arithmetic (ARCHITECTURE.md §2) on numbers small enough to check in one's head.
import { describe, expect, it } from "vitest";
import { computeKpis, KPI_DEFINITIONS, KPI_KEYS, ratio, round, uptimeHours, type KpiAggregates } from "./formulas";

const base: KpiAggregates = {
  periodHours: 100,
  equipment: 2,
  unplannedDowntimeHours: 10,
  plannedDowntimeHours: 30,
  failures: 4,
  restoredFailures: 2,
  restorationHours: 6,
  pmDue: 8,
  pmOnTime: 6,
  labourHours: 40,
  plannedHours: 30,
  labourCost: 1000,
  partsCost: 250.5,
  openWorkOrders: 7,
  overdueWorkOrders: 2,
  openEstimatedHours: 90,
  weeklyCapacityHours: 45,
};

describe("KPI formulas", () => {
  it("compute each figure from its aggregates", () => {
    expect(uptimeHours(base)).toBe(160); // 2 × 100 − 10 − 30
    expect(computeKpis(base)).toEqual({
      mttr: 3, // 6 h ÷ 2 restored failures
      mtbf: 40, // 160 h ÷ 4 failures
      availability: 160 / 170, // uptime ÷ (uptime + unplanned downtime)
      pmCompliance: 0.75,
      plannedPercent: 0.75,
      backlogWeeks: 2,
      openWorkOrders: 7,
      overdueWorkOrders: 2,
      maintenanceCost: 1250.5,
    });
  });

  it("give no ratio when there is nothing to divide by", () => {
    const none = computeKpis({ ...base, failures: 0, restoredFailures: 0, pmDue: 0, labourHours: 0, weeklyCapacityHours: 0, equipment: 0, unplannedDowntimeHours: 0, plannedDowntimeHours: 0 });
    expect(none).toMatchObject({ mttr: null, mtbf: null, availability: null, pmCompliance: null, plannedPercent: null, backlogWeeks: null });
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });

  it("never report negative uptime", () => {
    expect(uptimeHours({ equipment: 1, periodHours: 10, unplannedDowntimeHours: 8, plannedDowntimeHours: 8 })).toBe(0);
  });

  it("round for transport", () => {
    expect(round(2 / 3, 4)).toBe(0.6667);
    expect(round(null)).toBeNull();
    expect(round(Number.NaN)).toBeNull();
  });

  it("document every KPI with an SMRP name and a formula", () => {
    for (const key of KPI_KEYS) {
      expect(KPI_DEFINITIONS[key].smrp).not.toBe("");
      expect(KPI_DEFINITIONS[key].formula).toMatch(/=/);
    }
  });
});
