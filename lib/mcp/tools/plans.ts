// Preventive-maintenance tools for ChatGPT / Claude: upcoming and overdue PM occurrences, and a plan's
// details. They call the same lib/data functions as the plan pages; outputs are compact with ISO dates.
import { z } from "zod";
import { getPlan, listPlans } from "@/lib/data/plans";
import { listPmOccurrences } from "@/lib/data/plans-occurrences";
import { notFound } from "@/lib/errors";
import { occurrenceListInput } from "@/lib/validation/plan";
import { defineTool, READ_ONLY, type ToolDefinition } from "../define";

const READ = ["plans:read"] as const;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const ref = z.object({ id: z.string(), code: z.string(), name: z.string() });
const workOrderRef = z.object({ id: z.string(), code: z.string(), status: z.string() });

const occurrenceRow = z.object({
  id: z.string(),
  dueAt: z.string(),
  status: z.enum(["scheduled", "due", "in_wo", "done", "skipped"]).describe("scheduled → due (work order about to be raised) → in_wo → done | skipped"),
  plan: ref,
  asset: ref.nullable(),
  workOrder: workOrderRef.nullable().describe("the work order raised for it, if any"),
});

const listOccurrences = defineTool({
  name: "list_pm_occurrences",
  title: "List upcoming or overdue preventive maintenance",
  description:
    "Lists preventive-maintenance (PM) occurrences: when='upcoming' (default) gives those due from now to now + days (default 30), soonest first; when='overdue' gives those past their due date and not done (no work order yet, or its work order still open), oldest first. Filter by planId or assetId (ids from get_maintenance_plan or search_assets). Each row names the plan, the asset and the work order raised for it. Page with nextCursor.",
  scopes: READ,
  permission: ["plans", "view"],
  annotations: READ_ONLY,
  input: occurrenceListInput,
  output: z.object({ items: z.array(occurrenceRow), nextCursor: z.string().nullable() }),
  async handler(input, { access }) {
    const page = await listPmOccurrences(access, input);
    const items = page.items.map((o) => ({
      id: o.id,
      dueAt: o.dueAt.toISOString(),
      status: o.status,
      plan: { id: o.plan.id, code: o.plan.code, name: o.plan.name },
      asset: o.plan.asset,
      workOrder: o.workOrder,
    }));
    const what = input.when === "overdue" ? "overdue" : "upcoming";
    return {
      structured: { items, nextCursor: page.nextCursor },
      summary: `${items.length} ${what} PM occurrence${items.length === 1 ? "" : "s"}${page.nextCursor ? " (more with nextCursor)" : ""}${
        items.length ? `: ${items.slice(0, 8).map((o) => `${o.plan.code} due ${o.dueAt.slice(0, 10)}${o.workOrder ? ` (${o.workOrder.code})` : ""}`).join("; ")}${items.length > 8 ? "; …" : ""}` : ""
      }.`,
    };
  },
});

const trigger = z.object({
  kind: z.enum(["calendar", "meter_interval", "meter_threshold"]),
  every: z.string().describe('e.g. "1 month (fixed)", "2000 h", "above 7.1 mm/s"'),
  startsAt: z.string().nullable(),
  meter: z.object({ id: z.string(), name: z.string(), unit: z.string() }).nullable(),
});

const getMaintenancePlan = defineTool({
  name: "get_maintenance_plan",
  title: "Get a maintenance plan",
  description:
    "Returns one preventive-maintenance plan by id or by code (e.g. 'PM-003'): its asset, work-order type, priority, estimated hours, tasks, triggers (calendar every N days/weeks/months fixed or floating, every N meter units, or a meter threshold), the next occurrences and the latest work orders it raised.",
  scopes: READ,
  permission: ["plans", "view"],
  annotations: READ_ONLY,
  input: z.object({
    id: z.string().max(200).optional().describe("The plan id."),
    code: z.string().max(40).optional().describe("The plan code, if no id."),
  }),
  output: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    active: z.boolean(),
    asset: ref.nullable(),
    workOrderType: z.string(),
    priority: z.number().describe("1 very high … 5 very low"),
    estimatedHours: z.number().nullable(),
    tasks: z.array(z.string()),
    triggers: z.array(trigger),
    nextOccurrences: z.array(z.object({ id: z.string(), dueAt: z.string(), status: z.string(), workOrder: workOrderRef.nullable() })),
    recentWorkOrders: z.array(z.object({ id: z.string(), code: z.string(), status: z.string(), dueAt: z.string().nullable(), completedAt: z.string().nullable() })),
  }),
  async handler(input, { access }) {
    let id = input.id;
    if (!id && input.code) {
      const match = (await listPlans(access, { q: input.code, limit: 100 })).items.find((p) => p.code.toLowerCase() === input.code!.toLowerCase());
      id = match?.id;
    }
    if (!id) throw notFound("Maintenance plan not found");
    const p = await getPlan(access, id);
    const structured = {
      id: p.id,
      code: p.code,
      name: p.name,
      description: p.description,
      active: p.active,
      asset: p.asset,
      workOrderType: p.workOrderType,
      priority: p.priority,
      estimatedHours: p.estimatedHours,
      tasks: p.tasks.map((t) => t.description),
      triggers: p.triggers.map((t) => ({
        kind: t.kind,
        every:
          t.kind === "calendar"
            ? `${t.interval} ${t.unit}${t.interval === 1 ? "" : "s"} (${t.floating ? "floating: from the last completion" : "fixed"})`
            : t.kind === "meter_interval"
              ? `${t.meterInterval} ${t.meter?.unit ?? ""}`.trim()
              : `${t.direction} ${t.threshold} ${t.meter?.unit ?? ""}`.trim(),
        startsAt: iso(t.startsAt),
        meter: t.meter,
      })),
      nextOccurrences: p.occurrences.map((o) => ({ id: o.id, dueAt: o.dueAt.toISOString(), status: o.status, workOrder: o.workOrder })),
      recentWorkOrders: p.workOrders.map((w) => ({ id: w.id, code: w.code, status: w.status, dueAt: iso(w.dueAt), completedAt: iso(w.completedAt) })),
    };
    const next = structured.nextOccurrences[0];
    return {
      structured,
      summary: `${p.code} ${p.name}${p.asset ? ` on ${p.asset.code}` : ""}: ${structured.triggers.map((t) => t.every).join(", ")}; ${p.tasks.length} task${p.tasks.length === 1 ? "" : "s"}${next ? `; next due ${next.dueAt.slice(0, 10)}` : ""}${p.active ? "" : " (inactive)"}.`,
    };
  },
});

export const planTools: readonly ToolDefinition[] = [listOccurrences, getMaintenancePlan];
