// Work order inputs, shared by the UI's server actions, the MCP tools and (later) REST. lib/data parses
// every input with these schemas again, so all doors validate alike. No transforms: the same schemas
// become the MCP tools' JSON Schemas, and dates stay ISO strings until lib/data reads them in the
// tenant's time zone.
import { z } from "zod";
import { MAX_LIMIT } from "@/lib/data/pagination";
import { WORK_ORDER_STATUSES } from "./work-order-status";

export { WORK_ORDER_STATUSES, type WorkOrderStatus } from "./work-order-status";

export const WORK_ORDER_TYPES = ["corrective", "preventive", "predictive", "inspection", "improvement"] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];
/** 1 very high … 5 very low */
export const PRIORITIES = [1, 2, 3, 4, 5] as const;
export const CHECKLIST_KINDS = ["yes_no", "number", "text", "pass_flag_fail"] as const;
export type ChecklistKind = (typeof CHECKLIST_KINDS)[number];
/** Failure coding (ISO 14224 style, simplified): the kind of failure, its cause and its severity 1–5. */
export const FAILURE_TYPES = ["mechanical", "electrical", "hydraulic", "pneumatic", "instrumentation", "software", "structural", "other"] as const;
export const FAILURE_CAUSES = [
  "wear",
  "lubrication",
  "misalignment",
  "contamination",
  "electrical",
  "overload",
  "corrosion",
  "operator_error",
  "design",
  "unknown",
] as const;
export const SORTS = ["newest", "oldest", "due", "priority", "updated"] as const;
export type WorkOrderSort = (typeof SORTS)[number];

const ref = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .describe("The work order's code (e.g. WO-000123) or its id.");
const id = (what: string) => z.string().trim().min(1).max(100).describe(what);
/** A calendar day (read in the tenant's time zone) or an exact instant with its offset. */
const dateInput = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .describe("YYYY-MM-DD (a day in the tenant's time zone) or an ISO 8601 date-time with offset.");
const priority = z.number().int().min(1).max(5);
const person = z.string().trim().min(1).max(254);

export const workOrderFilterSchema = z.object({
  status: z.array(z.enum(WORK_ORDER_STATUSES)).max(WORK_ORDER_STATUSES.length).optional().describe("Any of these statuses."),
  type: z.array(z.enum(WORK_ORDER_TYPES)).max(WORK_ORDER_TYPES.length).optional().describe("Any of these types."),
  priority: z.array(priority).max(5).optional().describe("Any of these priorities: 1 very high … 5 very low."),
  assetId: id("Only work on this asset (and, by default, its child assets).").optional(),
  locationId: id("Only work at this location (and, by default, its sub-locations).").optional(),
  includeChildren: z.boolean().optional().describe("Include child assets / sub-locations of assetId / locationId (default true)."),
  assignee: person
    .optional()
    .describe('A user id or email, "me" for the caller, or "unassigned" for work with nobody assigned.'),
  dueAfter: dateInput.optional().describe("Due on or after this day / instant."),
  dueBefore: dateInput.optional().describe("Due on or before this day / instant."),
  overdue: z.boolean().optional().describe("Only work past its due date that is not completed or cancelled."),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe("Text to find in the title or description; a code or number (WO-000123, 123) finds that work order."),
  sort: z
    .enum(SORTS)
    .optional()
    .describe("newest (default, by code), oldest, due (soonest first), priority (most urgent first), updated (latest change first)."),
});
export type WorkOrderFilters = z.input<typeof workOrderFilterSchema>;

export const workOrderListSchema = workOrderFilterSchema.extend({
  limit: z.number().int().optional().describe(`Rows per page, 1–${MAX_LIMIT} (default 25).`),
  cursor: z.string().max(500).optional().describe("Opaque cursor from a previous page's nextCursor."),
  /** The browser's "previous page": the page that ends just before this cursor. */
  before: z.string().max(500).optional(),
});
export type WorkOrderListInput = z.input<typeof workOrderListSchema>;

const checklistItem = z.object({
  label: z.string().trim().min(1).max(300),
  kind: z.enum(CHECKLIST_KINDS).describe("yes_no, number, text or pass_flag_fail: what kind of answer the item takes."),
});

export const workOrderCreateSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).optional(),
  type: z.enum(WORK_ORDER_TYPES).default("corrective"),
  priority: priority.default(3).describe("1 very high … 5 very low (default 3)."),
  assetId: id("The asset the work is on.").optional(),
  locationId: id("Where the work is; defaults to the asset's location.").optional(),
  planId: id("The maintenance plan the work comes from.").optional(),
  dueAt: dateInput.optional().describe("When it is due; a day means by the end of that day."),
  estimatedHours: z.number().min(0).max(10_000).optional(),
  assignees: z.array(person).max(10).optional().describe("User ids or emails of active members who work on work orders."),
  tasks: z.array(z.string().trim().min(1).max(500)).max(50).optional().describe("Steps to carry out, in order."),
  checklist: z.array(checklistItem).max(50).optional().describe("Checks to answer while doing the work."),
});
export type WorkOrderCreateInput = z.input<typeof workOrderCreateSchema>;

export const workOrderUpdateSchema = z.object({
  workOrder: ref,
  title: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(5000).nullable().optional(),
  type: z.enum(WORK_ORDER_TYPES).optional(),
  priority: priority.optional(),
  assetId: id("The asset; null to clear.").nullable().optional(),
  locationId: id("The location; null to clear.").nullable().optional(),
  dueAt: dateInput.nullable().optional(),
  estimatedHours: z.number().min(0).max(10_000).nullable().optional(),
});
export type WorkOrderUpdateInput = z.input<typeof workOrderUpdateSchema>;

export const workOrderStatusSchema = z.object({
  workOrder: ref,
  status: z.enum(WORK_ORDER_STATUSES),
  note: z.string().trim().max(2000).optional().describe("Why (e.g. the reason for a hold or a cancellation); saved as a comment."),
});
export type WorkOrderStatusInput = z.input<typeof workOrderStatusSchema>;

export const workOrderAssignSchema = z.object({
  workOrder: ref,
  assignees: z.array(person).max(10).describe("The complete new list of assignees (user ids or emails); [] unassigns everyone."),
});
export type WorkOrderAssignInput = z.input<typeof workOrderAssignSchema>;

export const workOrderCommentSchema = z.object({
  workOrder: ref,
  body: z.string().trim().min(1).max(5000),
});
export type WorkOrderCommentInput = z.input<typeof workOrderCommentSchema>;

export const workOrderTimeSchema = z.object({
  workOrder: ref,
  minutes: z.number().int().min(1).max(1440).describe("Minutes worked, 1–1440."),
  startedAt: dateInput.optional().describe("When the work started (default: the given minutes before now)."),
  user: person.optional().describe("Who did the work (user id or email); default the caller."),
});
export type WorkOrderTimeInput = z.input<typeof workOrderTimeSchema>;

export const workOrderTaskSchema = z.object({
  workOrder: ref,
  taskId: id("The task's id."),
  done: z.boolean(),
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
});
export type WorkOrderTaskInput = z.input<typeof workOrderTaskSchema>;

export const workOrderAddTaskSchema = z.object({
  workOrder: ref,
  description: z.string().trim().min(1).max(500),
});
export type WorkOrderAddTaskInput = z.input<typeof workOrderAddTaskSchema>;

export const workOrderChecklistAnswerSchema = z.object({
  workOrder: ref,
  itemId: id("The checklist item's id."),
  value: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .describe('yes_no: "yes" | "no"; number: a number; pass_flag_fail: "pass" | "flag" | "fail"; text: any text; null clears.'),
});
export type WorkOrderChecklistAnswerInput = z.input<typeof workOrderChecklistAnswerSchema>;

export const workOrderAddChecklistItemSchema = checklistItem.extend({ workOrder: ref });
export type WorkOrderAddChecklistItemInput = z.input<typeof workOrderAddChecklistItemSchema>;

export const workOrderFailureSchema = z.object({
  workOrder: ref,
  failureCause: z.enum(FAILURE_CAUSES).nullable(),
  taskId: id("The task where the failure was found; it records type, cause and severity.").optional(),
  failureType: z.enum(FAILURE_TYPES).nullable().optional(),
  failureSeverity: z.number().int().min(1).max(5).nullable().optional().describe("1 minor … 5 catastrophic."),
});
export type WorkOrderFailureInput = z.input<typeof workOrderFailureSchema>;

export const workOrderPartSchema = z.object({
  workOrder: ref,
  partId: id("The part's id."),
  warehouseId: id("The warehouse the part is taken from."),
  quantity: z.number().positive().max(100_000),
});
export type WorkOrderPartInput = z.input<typeof workOrderPartSchema>;

/** A checklist answer in its canonical form, or an error message when it does not fit the item's kind. */
export function normaliseAnswer(kind: ChecklistKind, value: string | null): { value: string | null } | { error: string } {
  if (value === null || value === "") return { value: null };
  switch (kind) {
    case "yes_no":
      return value === "yes" || value === "no" ? { value } : { error: 'Answer "yes" or "no"' };
    case "pass_flag_fail":
      return value === "pass" || value === "flag" || value === "fail" ? { value } : { error: 'Answer "pass", "flag" or "fail"' };
    case "number": {
      const n = Number(value.replace(",", "."));
      return /^-?\d+([.,]\d+)?$/.test(value) && Number.isFinite(n) ? { value: String(n) } : { error: "Answer with a number" };
    }
    case "text":
      return { value };
  }
}
