// Maintenance plans: tasks and triggers (ARCHITECTURE.md §2), shared by the plan forms, the MCP plan tools
// and REST. Form posts arrive as strings, so numbers and booleans are coerced.
import { z } from "zod";
import { pageInput } from "@/lib/data/pagination";

const id = z.string().min(1).max(200);
const WORK_ORDER_TYPES = ["corrective", "preventive", "predictive", "inspection", "improvement"] as const;
const bool = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean());
const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

export const calendarTrigger = z.object({
  kind: z.literal("calendar"),
  interval: z.coerce.number().int().min(1).max(999),
  unit: z.enum(["day", "week", "month"]),
  /** fixed: due on the schedule; floating: counted from the last completion */
  floating: bool.default(false),
  /** the first due date (fixed) or the first one when nothing has been completed yet (floating) */
  startsAt: z.coerce.date(),
});

export const meterIntervalTrigger = z.object({
  kind: z.literal("meter_interval"),
  meterId: id,
  meterInterval: z.coerce.number().positive().max(1e9),
});

export const meterThresholdTrigger = z.object({
  kind: z.literal("meter_threshold"),
  meterId: id,
  threshold: z.coerce.number().min(-1e9).max(1e9),
  direction: z.enum(["above", "below"]),
});

export const triggerInput = z.discriminatedUnion("kind", [calendarTrigger, meterIntervalTrigger, meterThresholdTrigger]);
export type TriggerInput = z.infer<typeof triggerInput>;

export const planInput = z.object({
  code: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  description: z.preprocess(emptyToUndefined, z.string().trim().max(2000).optional()),
  assetId: z.preprocess(emptyToUndefined, id.optional()),
  workOrderType: z.enum(WORK_ORDER_TYPES).default("preventive"),
  priority: z.coerce.number().int().min(1).max(5).default(3),
  estimatedHours: z.preprocess(emptyToUndefined, z.coerce.number().min(0).max(1000).optional()),
  active: bool.default(true),
  tasks: z.array(z.object({ description: z.string().trim().min(1).max(500) })).max(50).default([]),
  triggers: z.array(triggerInput).min(1, "Add at least one trigger").max(10),
});
export type PlanInput = z.infer<typeof planInput>;
/** What callers pass: defaults (type, priority, active, tasks) may be left out. */
export type PlanInputRaw = z.input<typeof planInput>;

export const updatePlanInput = planInput.extend({ id });
export const planIdInput = z.object({ id });

export const planListInput = z.object({
  ...pageInput.shape,
  q: z.string().trim().max(100).optional().describe("Text in the plan code or name."),
  assetId: id.optional().describe("Only plans of this asset."),
  active: z.boolean().optional().describe("Only active (true) or inactive (false) plans."),
});
export type PlanListInput = z.infer<typeof planListInput>;

export const occurrenceListInput = z.object({
  ...pageInput.shape,
  when: z
    .enum(["upcoming", "overdue"])
    .default("upcoming")
    .describe("upcoming: not yet due, soonest first; overdue: past due and not done, oldest first."),
  days: z.number().int().min(1).max(366).optional().describe("Upcoming window in days from now (default 30)."),
  planId: id.optional().describe("Only occurrences of this plan."),
  assetId: id.optional().describe("Only occurrences of plans on this asset."),
});
export type OccurrenceListInput = z.input<typeof occurrenceListInput>;

export const calendarInput = z.object({
  from: z.coerce.date(),
  days: z.coerce.number().int().min(1).max(120).default(28),
});
