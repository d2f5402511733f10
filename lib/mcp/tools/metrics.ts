// Maintenance metrics for ChatGPT / Claude: the KPI set with its formulas, the downtime ranking and the
// failure-cause Pareto, for a period and an optional scope (asset and its children, category, location).
// The same lib/kpi functions as the dashboard; every figure comes with the formula it was computed by.
import { z } from "zod";
import { getDowntimeRanking, getFailurePareto, getKpis, KPI_KEYS } from "@/lib/kpi";
import { kpiQuery, rankingQuery } from "@/lib/validation/kpi";
import { defineTool, READ_ONLY, type ToolDefinition } from "../define";

const READ = ["metrics:read"] as const;
const period = z.object({ from: z.string(), to: z.string(), hours: z.number() }).describe("the instants the period covers: from included, to excluded");
const PERIOD_HELP =
  "Period: from and to are days (YYYY-MM-DD, both included, in the tenant's time zone), e.g. last quarter = 2026-07-01 to 2026-09-30.";

const fmt = (value: number | null, unit: string, currency: string) =>
  value === null
    ? "n/a"
    : unit === "ratio"
      ? `${Math.round(value * 1000) / 10}%`
      : unit === "currency"
        ? `${value.toFixed(2)} ${currency}`
        : unit === "count"
          ? String(value)
          : `${value} ${unit === "hours" ? "h" : "weeks"}`;

const getKpisTool = defineTool({
  name: "get_kpis",
  title: "Maintenance KPIs",
  description: `Computes the maintenance KPIs for a period and optional scope: MTTR and MTBF (hours), availability, PM compliance and planned work (ratios 0–1), backlog (weeks of crew capacity), open and overdue work orders (counts, as of now), and maintenance cost (labour + parts, tenant currency). Each KPI carries its SMRP name and the formula used; 'inputs' holds the aggregates (hours, counts, costs) so the figures can be checked or explained. Null means undefined (e.g. no failures → no MTTR). ${PERIOD_HELP} Scope by assetId (with its child assets unless includeDescendants=false), category or locationId.`,
  scopes: READ,
  permission: ["metrics", "view"],
  annotations: READ_ONLY,
  input: kpiQuery,
  output: z.object({
    period,
    currency: z.string(),
    kpis: z.array(
      z.object({
        key: z.enum(KPI_KEYS as [string, ...string[]]),
        value: z.number().nullable(),
        unit: z.enum(["hours", "ratio", "weeks", "count", "currency"]),
        smrp: z.string(),
        formula: z.string(),
      }),
    ),
    inputs: z.record(z.string(), z.number()),
  }),
  async handler(input, { access }) {
    const r = await getKpis(access, input);
    return {
      structured: { ...r, inputs: { ...r.inputs } },
      summary: `KPIs ${input.from} to ${input.to}: ${r.kpis.map((k) => `${k.key} ${fmt(k.value, k.unit, r.currency)}`).join(", ")}.`,
    };
  },
});

const downtimeRanking = defineTool({
  name: "get_downtime_ranking",
  title: "Downtime ranking by asset",
  description: `Ranks assets by downtime hours in a period (unplanned and planned, clipped to the period; outages still running count up to now), with the number of failures (unplanned stops that started in the period). ${PERIOD_HELP} Same scope filters as get_kpis; limit 1–50 (default 10).`,
  scopes: READ,
  permission: ["metrics", "view"],
  annotations: READ_ONLY,
  input: rankingQuery,
  output: z.object({
    period,
    formula: z.string(),
    assets: z.array(
      z.object({ assetId: z.string(), code: z.string(), name: z.string(), unplannedHours: z.number(), plannedHours: z.number(), failures: z.number() }),
    ),
  }),
  async handler(input, { access }) {
    const r = await getDowntimeRanking(access, input);
    return {
      structured: r,
      summary: r.assets.length
        ? `Most downtime ${input.from} to ${input.to}: ${r.assets.slice(0, 5).map((a) => `${a.code} ${a.name} ${a.unplannedHours} h unplanned / ${a.plannedHours} h planned`).join("; ")}.`
        : `No downtime recorded ${input.from} to ${input.to}.`,
    };
  },
});

const failurePareto = defineTool({
  name: "get_failure_pareto",
  title: "Failure causes (Pareto)",
  description: `Counts the failure causes coded on corrective work orders raised in a period (e.g. wear, lubrication, misalignment, electrical), most frequent first, with the cumulative share — the few causes behind most failures. ${PERIOD_HELP} Same scope filters as get_kpis.`,
  scopes: READ,
  permission: ["metrics", "view"],
  annotations: READ_ONLY,
  input: kpiQuery,
  output: z.object({
    period,
    formula: z.string(),
    total: z.number(),
    causes: z.array(z.object({ cause: z.string(), failures: z.number(), cumulativeShare: z.number() })),
  }),
  async handler(input, { access }) {
    const r = await getFailurePareto(access, input);
    return {
      structured: r,
      summary: r.total
        ? `${r.total} coded failures ${input.from} to ${input.to}: ${r.causes.map((c) => `${c.cause} ${c.failures} (cum. ${Math.round(c.cumulativeShare * 100)}%)`).join(", ")}.`
        : `No coded failures ${input.from} to ${input.to}.`,
    };
  },
});

export const metricTools: ToolDefinition[] = [getKpisTool, downtimeRanking, failurePareto];
