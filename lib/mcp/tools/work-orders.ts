// Work order tools for ChatGPT / Claude. Each calls the same lib/data function the browser uses, with the
// same zod schema; outputs are compact (summary rows, capped nested lists) with ISO dates.
import { z } from "zod";
import {
  addComment,
  assignWorkOrder,
  changeWorkOrderStatus,
  createWorkOrder,
  getWorkOrder,
  listAssignableUsers,
  listWorkOrders,
  logTime,
  updateWorkOrder,
  type WorkOrderDetail,
  type WorkOrderSummary,
} from "@/lib/data/work-orders";
import {
  workOrderAssignSchema,
  workOrderCommentSchema,
  workOrderCreateSchema,
  workOrderListSchema,
  workOrderStatusSchema,
  workOrderTimeSchema,
  workOrderUpdateSchema,
  WORK_ORDER_STATUSES,
  WORK_ORDER_TYPES,
} from "@/lib/validation/work-order";
import { CREATES, defineTool, READ_ONLY, UPDATES, type ToolDefinition } from "../define";

const READ = ["workorders:read"] as const;
const WRITE = ["workorders:write"] as const;
/** Nested lists in `get` keep the latest rows only; counts say how many there are in all. */
const NESTED_LIMIT = 20;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const place = z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable();
const person = z.object({ id: z.string(), name: z.string() });

const summary = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  type: z.enum(WORK_ORDER_TYPES),
  priority: z.number().describe("1 very high … 5 very low"),
  status: z.enum(WORK_ORDER_STATUSES),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  asset: place,
  location: place,
  assignees: z.array(z.string()).describe("names"),
});

const toSummaryOut = (w: WorkOrderSummary): z.infer<typeof summary> => ({
  id: w.id,
  code: w.code,
  title: w.title,
  type: w.type,
  priority: w.priority,
  status: w.status,
  dueAt: iso(w.dueAt),
  overdue: w.overdue,
  completedAt: iso(w.completedAt),
  asset: w.asset,
  location: w.location,
  assignees: w.assignees.map((a) => a.name),
});

const ref = workOrderStatusSchema.pick({ workOrder: true });
const written = z.object({ id: z.string(), code: z.string() });

const searchWorkOrders = defineTool({
  name: "search_work_orders",
  title: "Search work orders",
  description:
    "Lists work orders matching filters, as summary rows (code, title, type, priority, status, due date, overdue flag, asset, location, assignee names) plus the total count. Filters combine with AND: status, type, priority (1 very high … 5 very low), assetId / locationId (their children included unless includeChildren is false), assignee (id, email, \"me\" or \"unassigned\"), dueAfter / dueBefore, overdue, and q (text in the title or description, or a code such as WO-000123). Use for questions like \"which work orders are overdue at Plant North?\". Page with nextCursor. Use get_work_order for tasks, checklist, time, parts and history of one work order.",
  scopes: READ,
  permission: ["workorders", "view"],
  annotations: READ_ONLY,
  input: workOrderListSchema.omit({ before: true }),
  output: z.object({
    items: z.array(summary),
    total: z.number().nullable().describe("matches on all pages; given on the first page only"),
    nextCursor: z.string().nullable(),
  }),
  async handler(input, { access }) {
    // Counting every match costs a scan on a big tenant: only the first page counts.
    const page = await listWorkOrders(access, input, { withTotal: !input.cursor });
    const total = page.total ?? null;
    const items = page.items.map(toSummaryOut);
    const more = page.nextCursor ? " (more with nextCursor)" : "";
    return {
      structured: { items, total, nextCursor: page.nextCursor },
      summary: total === null ? `${items.length} more work orders${more}.` : `${total} work order${total === 1 ? "" : "s"} match; ${items.length} on this page${more}.`,
    };
  },
});

const detail = summary.extend({
  description: z.string().nullable(),
  estimatedHours: z.number().nullable(),
  startedAt: z.string().nullable(),
  createdAt: z.string(),
  failureCause: z.string().nullable(),
  plan: place,
  allowedTransitions: z.array(z.enum(WORK_ORDER_STATUSES)).describe("statuses change_work_order_status accepts next"),
  tasks: z.array(z.object({ id: z.string(), description: z.string(), done: z.boolean(), durationMinutes: z.number().nullable() })),
  checklist: z.array(z.object({ id: z.string(), label: z.string(), kind: z.string(), value: z.string().nullable() })),
  comments: z.array(z.object({ author: z.string().nullable(), body: z.string(), at: z.string() })),
  commentCount: z.number(),
  timeEntries: z.array(z.object({ user: z.string(), startedAt: z.string(), minutes: z.number(), rate: z.number(), cost: z.number() })),
  partsUsed: z.array(z.object({ part: z.string(), warehouse: z.string().nullable(), quantity: z.number(), unitCost: z.number(), cost: z.number() })),
  totals: z.object({ minutes: z.number(), labourCost: z.number(), partsCost: z.number(), cost: z.number() }),
  history: z.array(z.object({ at: z.string(), action: z.string(), actor: z.string().nullable() })).describe("latest first"),
});

const toDetailOut = (w: WorkOrderDetail): z.infer<typeof detail> => ({
  ...toSummaryOut(w),
  description: w.description,
  estimatedHours: w.estimatedHours,
  startedAt: iso(w.startedAt),
  createdAt: w.createdAt.toISOString(),
  failureCause: w.failureCause,
  plan: w.plan,
  allowedTransitions: w.allowedTransitions,
  tasks: w.tasks.map((t) => ({ id: t.id, description: t.description, done: t.done, durationMinutes: t.durationMinutes })),
  checklist: w.checklist.map((c) => ({ id: c.id, label: c.label, kind: c.kind, value: c.value })),
  comments: w.comments.slice(-NESTED_LIMIT).map((c) => ({ author: c.author?.name ?? null, body: c.body, at: c.createdAt.toISOString() })),
  commentCount: w.comments.length,
  timeEntries: w.timeEntries.map((t) => ({ user: t.user.name, startedAt: t.startedAt.toISOString(), minutes: t.minutes, rate: t.rate, cost: t.cost })),
  partsUsed: w.partsUsed.map((p) => ({
    part: `${p.part.code} ${p.part.name}`,
    warehouse: p.warehouse?.code ?? null,
    quantity: p.quantity,
    unitCost: p.unitCost,
    cost: p.cost,
  })),
  totals: w.totals,
  history: w.history.slice(0, NESTED_LIMIT).map((h) => ({
    at: h.at.toISOString(),
    action: h.action,
    actor: h.actor ? (h.actor.kind === "consumer" ? `${h.actor.name}${h.actor.user ? ` for ${h.actor.user.name}` : ""}` : h.actor.name) : null,
  })),
});

const getWorkOrderTool = defineTool({
  name: "get_work_order",
  title: "Get a work order",
  description:
    "Returns one work order in full: header, tasks, checklist answers, latest comments, time entries with labour cost, parts used with cost, totals, the statuses it may move to next (allowedTransitions) and the latest history. Pass the code users see (e.g. WO-000123) or the id from search_work_orders.",
  scopes: READ,
  permission: ["workorders", "view"],
  annotations: READ_ONLY,
  input: ref,
  output: detail,
  async handler(input, { access }) {
    const w = await getWorkOrder(access, input.workOrder);
    return {
      structured: toDetailOut(w),
      summary: `${w.code} "${w.title}": ${w.status}, priority ${w.priority}${w.dueAt ? `, due ${w.dueAt.toISOString().slice(0, 10)}` : ""}${w.overdue ? " (overdue)" : ""}.`,
    };
  },
});

const createWorkOrderTool = defineTool({
  name: "create_work_order",
  title: "Create a work order",
  description:
    "Creates a work order (status open) and returns its new code. Only title is required; type defaults to corrective and priority to 3 (1 very high … 5 very low). Give assetId and/or locationId from the asset tools (the location defaults to the asset's), dueAt, assignees (user ids or emails from list_assignable_users), tasks and a checklist.",
  scopes: WRITE,
  permission: ["workorders", "create"],
  annotations: CREATES,
  input: workOrderCreateSchema,
  output: written.extend({ status: z.enum(WORK_ORDER_STATUSES) }),
  async handler(input, { access }) {
    const wo = await createWorkOrder(access, input);
    return { structured: { id: wo.id, code: wo.code, status: wo.status }, summary: `Created ${wo.code}.` };
  },
});

const updateWorkOrderTool = defineTool({
  name: "update_work_order",
  title: "Update a work order",
  description:
    "Changes a work order's title, description, type, priority, asset, location, due date or estimated hours; send only the fields to change (null clears an optional one). Status, assignees, comments and time have their own tools. Completed and cancelled work orders cannot be changed.",
  scopes: WRITE,
  permission: ["workorders", "edit"],
  annotations: UPDATES,
  input: workOrderUpdateSchema,
  output: written.extend({ changed: z.array(z.string()) }),
  async handler(input, { access }) {
    const r = await updateWorkOrder(access, input);
    return {
      structured: r,
      summary: r.changed.length ? `Updated ${r.code}: ${r.changed.join(", ")}.` : `${r.code} already had those values; nothing changed.`,
    };
  },
});

const changeStatusTool = defineTool({
  name: "change_work_order_status",
  title: "Change a work order's status",
  description:
    "Moves a work order through its life cycle: open → in_progress ⇄ on_hold → in_review → completed, and any status that is not final → cancelled. completed and cancelled are final. An illegal move is refused with the statuses allowed next (get_work_order shows them as allowedTransitions). Starting sets the start time, completing the completion time. An optional note is saved as a comment (e.g. why it is on hold).",
  scopes: WRITE,
  permission: ["workorders", "edit"],
  annotations: UPDATES,
  input: workOrderStatusSchema,
  output: written.extend({
    from: z.enum(WORK_ORDER_STATUSES),
    status: z.enum(WORK_ORDER_STATUSES),
    allowedTransitions: z.array(z.enum(WORK_ORDER_STATUSES)),
  }),
  async handler(input, { access }) {
    const r = await changeWorkOrderStatus(access, input);
    return { structured: { ...r, allowedTransitions: [...r.allowedTransitions] }, summary: `${r.code}: ${r.from} → ${r.status}.` };
  },
});

const assignTool = defineTool({
  name: "assign_work_order",
  title: "Assign a work order",
  description:
    "Sets who works on a work order: the list replaces the current assignees ([] unassigns everyone). Each must be an active member whose role works on work orders — find them with list_assignable_users; pass ids or emails.",
  scopes: WRITE,
  permission: ["workorders", "edit"],
  annotations: UPDATES,
  input: workOrderAssignSchema,
  output: written.extend({ assignees: z.array(person) }),
  async handler(input, { access }) {
    const r = await assignWorkOrder(access, input);
    const names = r.assignees.map((a) => a.name).join(", ");
    return { structured: r, summary: names ? `${r.code} assigned to ${names}.` : `${r.code} is now unassigned.` };
  },
});

const commentTool = defineTool({
  name: "add_work_order_comment",
  title: "Comment on a work order",
  description: "Adds a comment to a work order's discussion, signed by the user behind this connection. Cancelled work orders still take comments; completed ones do not.",
  scopes: WRITE,
  permission: ["workorders", "edit"],
  annotations: CREATES,
  input: workOrderCommentSchema,
  output: z.object({ id: z.string(), at: z.string() }),
  async handler(input, { access }) {
    const c = await addComment(access, input);
    return { structured: { id: c.id, at: c.createdAt.toISOString() }, summary: "Comment added." };
  },
});

const logTimeTool = defineTool({
  name: "log_work_order_time",
  title: "Log time on a work order",
  description:
    "Records labour minutes on a work order, for the caller or another member (user id or email). The hourly rate is the person's usual rate (their latest entry) or the tenant default; the result includes the cost.",
  scopes: WRITE,
  permission: ["workorders", "edit"],
  annotations: CREATES,
  input: workOrderTimeSchema,
  output: written.extend({ user: person, startedAt: z.string(), minutes: z.number(), rate: z.number(), cost: z.number() }),
  async handler(input, { access }) {
    const t = await logTime(access, input);
    return {
      structured: { ...t, startedAt: t.startedAt.toISOString() },
      summary: `Logged ${t.minutes} min for ${t.user.name} on ${t.code} (${t.cost.toFixed(2)} at ${t.rate.toFixed(2)}/h).`,
    };
  },
});

const assignableUsersTool = defineTool({
  name: "list_assignable_users",
  title: "List people who can be assigned work",
  description:
    "Lists the active members whose role works on work orders (id, name, email, role). Use it to turn a name like \"Ana\" into the id or email that create_work_order, assign_work_order and log_work_order_time take.",
  scopes: READ,
  permission: ["workorders", "view"],
  annotations: READ_ONLY,
  input: z.object({ q: z.string().trim().max(100).optional().describe("Part of a name or email.") }),
  output: z.object({ users: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), role: z.string() })) }),
  async handler(input, { access }) {
    const q = input.q?.toLowerCase();
    const users = (await listAssignableUsers(access)).filter((u) => !q || u.name.toLowerCase().includes(q) || u.email.includes(q));
    return { structured: { users }, summary: `${users.length} assignable ${users.length === 1 ? "person" : "people"}.` };
  },
});

export const workOrderTools: ToolDefinition[] = [
  searchWorkOrders,
  getWorkOrderTool,
  createWorkOrderTool,
  updateWorkOrderTool,
  changeStatusTool,
  assignTool,
  commentTool,
  logTimeTool,
  assignableUsersTool,
] as ToolDefinition[];
