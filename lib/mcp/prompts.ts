// Prompt templates a client can offer its user ("/weekly-maintenance-report"). They only shape the request
// to the model — the data still comes through the tools, with the caller's rights — so they need no scope.
import type { McpServer } from "@modelcontextprotocol/server";
import { z } from "zod";

const userMessage = (text: string) => ({ messages: [{ role: "user" as const, content: { type: "text" as const, text } }] });

export function registerPrompts(server: McpServer) {
  server.registerPrompt(
    "weekly-maintenance-report",
    {
      title: "Weekly maintenance report",
      description: "A one-page report of last week's maintenance: KPIs, completed and overdue work, downtime, PM compliance and stock alerts.",
      argsSchema: z.object({
        location: z.string().max(200).optional().describe("Limit the report to a site or area (code or name)."),
        weekEnding: z.string().max(40).optional().describe("Last day of the week to report on (YYYY-MM-DD); default: yesterday."),
      }),
    },
    ({ location, weekEnding }) =>
      userMessage(
        [
          `Write the weekly maintenance report for the week ending ${weekEnding || "yesterday"}${location ? `, for ${location} only` : ""}.`,
          "Use the Fettle tools, and only their data:",
          "1. Call whoami first to see the account and what you may read; skip sections you have no access to and say so.",
          "2. get_kpis for the 7 days (MTTR, MTBF, availability, PM compliance, planned %, backlog in weeks, cost by labour and parts), and for the week before to compare.",
          "3. search_work_orders: those completed during the week, and those overdue now (highest priority first).",
          "4. get_downtime_ranking and get_failure_pareto for the week.",
          "5. list_pm_occurrences due next week, and list_stock_below_minimum.",
          "Format: a short summary paragraph, then one section per point with a compact table. Quote work order and asset codes so they can be looked up. Do not invent figures.",
        ].join("\n"),
      ),
  );

  server.registerPrompt(
    "asset-health-review",
    {
      title: "Asset health review",
      description: "Reviews one asset: condition, failure history, reliability KPIs, meters, open and planned work, with recommendations.",
      argsSchema: z.object({
        asset: z.string().min(1).max(200).describe("Asset code or name, e.g. CMP-001."),
        months: z.string().max(3).optional().describe("How many months of history to review (default 12)."),
      }),
    },
    ({ asset, months }) =>
      userMessage(
        [
          `Review the health of asset "${asset}" over the last ${months || "12"} months using the Fettle tools.`,
          "1. search_assets to find it, then get_asset: status, criticality, children, meters and latest readings, downtime and cost.",
          "2. search_work_orders for the asset: corrective vs preventive, open work orders; get_failure_pareto for its recurring causes.",
          "3. get_kpis for the asset and period: MTBF, MTTR, availability and downtime, with the formulas returned.",
          "4. list_pm_occurrences for its plans (get_maintenance_plan for details) and list_parts_for_upcoming_pm.",
          "Conclude with the main risks and three concrete recommendations, each tied to the data above. Do not invent figures.",
        ].join("\n"),
      ),
  );
}
