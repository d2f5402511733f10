// Work request inputs, shared by the request pages' server actions, the MCP request tools and
// lib/data/requests*.ts.
import { z } from "zod";
import { pageInput } from "@/lib/data/pagination";
import { formBoolean, optionalDate, optionalInt, optionalRef, optionalText, text } from "./asset-fields";

export const REQUEST_STATUSES = ["open", "approved", "rejected", "cancelled"] as const;
export const requestStatus = z.enum(REQUEST_STATUSES);

/** A request id or its code ("REQ-00042"). */
export const requestRef = z.string().trim().min(1).max(200);

export const requestListSchema = pageInput.extend({
  status: requestStatus.optional().describe("Only requests in this status (open = waiting for triage)."),
  mine: formBoolean().optional().describe("Only requests filed by the caller."),
  query: z.string().trim().max(200).optional().describe("Text in the code or description."),
});
export type RequestListInput = z.input<typeof requestListSchema>;

export const requestCreateSchema = z.object({
  description: text(2000).describe("What is wrong and where, in the requester's words."),
  assetId: optionalRef().describe("The affected asset, if known."),
  locationId: optionalRef().describe("Where the problem is; defaults to the asset's location."),
  urgent: formBoolean().optional().describe("True for safety issues or a stopped line."),
});
export type RequestCreateInput = z.input<typeof requestCreateSchema>;

export const requestApproveSchema = z.object({
  id: requestRef.describe("Request id or code, e.g. REQ-00042."),
  title: optionalText(200).describe("Work order title; defaults to the start of the description."),
  priority: optionalInt(1, 5).describe("1 very high … 5 very low; defaults to 2 for urgent requests, else 3."),
  dueAt: optionalDate().describe("Due date (YYYY-MM-DD or ISO date-time)."),
});
export type RequestApproveInput = z.input<typeof requestApproveSchema>;

export const requestRejectSchema = z.object({
  id: requestRef.describe("Request id or code, e.g. REQ-00042."),
  reason: text(1000).describe("Why it is rejected; the requester sees it."),
});
export type RequestRejectInput = z.input<typeof requestRejectSchema>;

export const requestCancelSchema = z.object({ id: requestRef });

/** A work order's title when approving without one: the request's first line, clipped. */
export function defaultWorkOrderTitle(description: string): string {
  const firstLine = description.split(/\r?\n/).find((l) => l.trim())?.trim() ?? description.trim();
  return firstLine.length > 120 ? `${firstLine.slice(0, 117).trimEnd()}…` : firstLine;
}
