// The KPI formulas (ARCHITECTURE.md §2), named as the SMRP Best Practice Metrics name them, and the pure
// arithmetic that turns the SQL aggregates of lib/kpi/queries.ts into figures. Every ratio is null when its
// denominator is zero: "no failures" has no MTTR, and showing 0 would claim instant repairs.

export type KpiKey =
  | "mttr"
  | "mtbf"
  | "availability"
  | "pmCompliance"
  | "plannedPercent"
  | "backlogWeeks"
  | "openWorkOrders"
  | "overdueWorkOrders"
  | "maintenanceCost";

export type KpiUnit = "hours" | "ratio" | "weeks" | "count" | "currency";

export interface KpiDefinition {
  /** the SMRP metric this follows */
  smrp: string;
  unit: KpiUnit;
  /** the formula in words, returned with every figure (MCP) and shown on hover (dashboard) */
  formula: string;
}

export const KPI_DEFINITIONS: Record<KpiKey, KpiDefinition> = {
  mttr: {
    smrp: "3.5.2 Mean Time To Repair (MTTR)",
    unit: "hours",
    formula: "MTTR = total restoration time ÷ failures (unplanned downtime events that started in the period and have ended)",
  },
  mtbf: {
    smrp: "3.5.1 Mean Time Between Failures (MTBF)",
    unit: "hours",
    formula: "MTBF = total uptime ÷ failures (uptime = equipment × period hours − all downtime in the period)",
  },
  availability: {
    smrp: "2.2 Availability",
    unit: "ratio",
    formula: "Availability = uptime ÷ (uptime + unplanned downtime)",
  },
  pmCompliance: {
    smrp: "5.4.14 PM & PdM Compliance",
    unit: "ratio",
    formula: "PM compliance = PM work orders completed by their due date ÷ PM work orders due in the period (cancelled excluded)",
  },
  plannedPercent: {
    smrp: "5.3.1 Planned Work",
    unit: "ratio",
    formula: "Planned % = planned hours (work orders other than corrective) ÷ total maintenance hours logged in the period",
  },
  backlogWeeks: {
    smrp: "5.4.8 Planned Backlog / 5.4.9 Ready Backlog (combined)",
    unit: "weeks",
    formula: "Backlog = estimated hours of open work orders ÷ weekly crew capacity (crew size × working days × daily hours)",
  },
  openWorkOrders: {
    smrp: "Work order backlog (count)",
    unit: "count",
    formula: "Open work orders = work orders now open, in progress, on hold or in review",
  },
  overdueWorkOrders: {
    smrp: "5.4.6 Work Order Aging (overdue)",
    unit: "count",
    formula: "Overdue work orders = open work orders whose due date has passed",
  },
  maintenanceCost: {
    smrp: "Total maintenance cost (labour + parts)",
    unit: "currency",
    formula: "Cost = labour (time logged in hours × hourly rate) + parts (quantity used × unit cost)",
  },
};

export const KPI_KEYS = Object.keys(KPI_DEFINITIONS) as KpiKey[];

/** a ÷ b, or null when b is zero (or either is missing). */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return a / b;
}

/** Rounds for display and transport; nulls pass through. */
export function round(value: number | null, digits = 2): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Raw aggregates the SQL returns for a period and scope. */
export interface KpiAggregates {
  periodHours: number;
  /** equipment in scope: non-retired assets without children in the scope */
  equipment: number;
  unplannedDowntimeHours: number;
  plannedDowntimeHours: number;
  /** unplanned downtime events that started in the period */
  failures: number;
  /** of those, the ones that have ended, and their total duration */
  restoredFailures: number;
  restorationHours: number;
  pmDue: number;
  pmOnTime: number;
  labourHours: number;
  plannedHours: number;
  labourCost: number;
  partsCost: number;
  openWorkOrders: number;
  overdueWorkOrders: number;
  openEstimatedHours: number;
  weeklyCapacityHours: number;
}

/** Uptime = equipment × period hours − all downtime (planned and unplanned), never below zero. */
export function uptimeHours(a: Pick<KpiAggregates, "equipment" | "periodHours" | "unplannedDowntimeHours" | "plannedDowntimeHours">): number {
  return Math.max(0, a.equipment * a.periodHours - a.unplannedDowntimeHours - a.plannedDowntimeHours);
}

export function computeKpis(a: KpiAggregates): Record<KpiKey, number | null> {
  const uptime = uptimeHours(a);
  return {
    mttr: ratio(a.restorationHours, a.restoredFailures),
    mtbf: ratio(uptime, a.failures),
    availability: ratio(uptime, uptime + a.unplannedDowntimeHours),
    pmCompliance: ratio(a.pmOnTime, a.pmDue),
    plannedPercent: ratio(a.plannedHours, a.labourHours),
    backlogWeeks: ratio(a.openEstimatedHours, a.weeklyCapacityHours),
    openWorkOrders: a.openWorkOrders,
    overdueWorkOrders: a.overdueWorkOrders,
    maintenanceCost: a.labourCost + a.partsCost,
  };
}
