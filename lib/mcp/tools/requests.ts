// Work request tools for ChatGPT / Claude: list, file, approve into a work order, reject. Each calls the
// same lib/data function the request pages use, with the same zod schema; outputs are compact.
import { z } from "zod";
import { createRequest, listRequests, type WorkRequestRow } from "@/lib/data/requests";
import { approveRequest, rejectRequest } from "@/lib/data/requests-triage";
import {
  REQUEST_STATUSES,
  requestApproveSchema,
  requestCreateSchema,
  requestListSchema,
  requestRejectSchema,
} from "@/lib/validation/request";
import { CREATES, defineTool, READ_ONLY, type ToolAnnotations, type ToolDefinition } from "../define";

const READ = ["requests:read"] as const;
const WRITE = ["requests:write"] as const;
/** Lists clip long descriptions; the full text is in the request itself. */
const DESCRIPTION_CLIP = 300;

const place = z.object({ id: z.string(), code: z.string(), name: z.string() }).nullable();

const requestOut = z.object({
  id: z.string(),
  code: z.string().describe("e.g. REQ-00042"),
  status: z.enum(REQUEST_STATUSES),
  urgent: z.boolean(),
  description: z.string(),
  requester: z.string().describe("name"),
  asset: place,
  location: place,
  workOrder: z.object({ id: z.string(), code: z.string(), status: z.string() }).nullable().describe("set once approved"),
  rejectionReason: z.string().nullable(),
  createdAt: z.string(),
});

const toOut = (r: WorkRequestRow, clip = Infinity): z.infer<typeof requestOut> => ({
  id: r.id,
  code: r.code,
  status: r.status,
  urgent: r.urgent,
  description: r.description.length > clip ? `${r.description.slice(0, clip - 1)}…` : r.description,
  requester: r.requester.name,
  asset: r.asset,
  location: r.location,
  workOrder: r.workOrder,
  rejectionReason: r.rejectionReason,
  createdAt: r.createdAt.toISOString(),
});

const listTool = defineTool({
  name: "list_work_requests",
  title: "List work requests",
  description:
    "Lists work requests (problems reported by anyone, waiting for the maintenance team), newest first. Filter by status (open = waiting for triage, approved, rejected, cancelled), mine (only the caller's own) and query (text in code or description). Users with the Requester role only ever see their own requests. Page with nextCursor.",
  scopes: READ,
  permission: ["requests", "view"],
  annotations: READ_ONLY,
  input: requestListSchema,
  output: z.object({ items: z.array(requestOut), nextCursor: z.string().nullable() }),
  async handler(input, { access }) {
    const page = await listRequests(access, input);
    const items = page.items.map((r) => toOut(r, DESCRIPTION_CLIP));
    return {
      structured: { items, nextCursor: page.nextCursor },
      summary: `${items.length} request${items.length === 1 ? "" : "s"} on this page${page.nextCursor ? " (more with nextCursor)" : ""}${
        items.length ? `: ${items.slice(0, 10).map((r) => `${r.code} ${r.status}${r.urgent ? " urgent" : ""}`).join("; ")}${items.length > 10 ? "; …" : ""}` : ""
      }.`,
    };
  },
});

const createTool = defineTool({
  name: "create_work_request",
  title: "File a work request",
  description:
    "Files a work request as the signed-in user: a description of the problem, optionally the asset (id from search_assets) and location (defaults to the asset's), and urgent for safety issues or a stopped line. The maintenance team then approves it into a work order or rejects it.",
  scopes: WRITE,
  permission: ["requests", "create"],
  annotations: CREATES,
  input: requestCreateSchema,
  output: requestOut,
  async handler(input, { access }) {
    const r = await createRequest(access, input);
    return { structured: toOut(r), summary: `Filed ${r.code}${r.urgent ? " (urgent)" : ""}${r.asset ? ` for ${r.asset.code} ${r.asset.name}` : ""}.` };
  },
});

/** Deciding a request twice is refused, so a retry has no further effect. */
const DECIDES: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false };

const approveTool = defineTool({
  name: "approve_work_request",
  title: "Approve a work request into a work order",
  description:
    "Approves an open work request (id or code, e.g. REQ-00042) and creates its corrective work order in the same step, with the request's asset and location. Priority defaults to 2 (high) for urgent requests, else 3; title defaults to the start of the description; dueAt is optional. Only open requests can be approved; approving twice is refused.",
  scopes: [...WRITE, "workorders:write"],
  permission: ["requests", "edit"],
  annotations: DECIDES,
  input: requestApproveSchema,
  output: z.object({
    request: requestOut,
    workOrder: z.object({ id: z.string(), code: z.string(), title: z.string(), priority: z.number(), status: z.string(), type: z.string() }),
  }),
  async handler(input, { access }) {
    const { request, workOrder } = await approveRequest(access, input);
    return {
      structured: { request: toOut(request), workOrder },
      summary: `Approved ${request.code}: created work order ${workOrder.code} "${workOrder.title}" (priority ${workOrder.priority}).`,
    };
  },
});

const rejectTool = defineTool({
  name: "reject_work_request",
  title: "Reject a work request",
  description:
    "Rejects an open work request (id or code, e.g. REQ-00042) with a reason the requester will see. Only open requests can be rejected; this cannot be undone.",
  scopes: WRITE,
  permission: ["requests", "edit"],
  annotations: { ...DECIDES, destructiveHint: true },
  input: requestRejectSchema,
  output: requestOut,
  async handler(input, { access }) {
    const r = await rejectRequest(access, input);
    return { structured: toOut(r), summary: `Rejected ${r.code}: ${r.rejectionReason}.` };
  },
});

export const requestTools: ToolDefinition[] = [listTool, createTool, approveTool, rejectTool];
