// The work order list's state lives in the URL, so a filtered, sorted page can be bookmarked, shared and
// reloaded. This module reads it forgivingly (unknown values are dropped, never an error page) and writes
// it back without empty or default values.
import {
  SORTS,
  WORK_ORDER_STATUSES,
  WORK_ORDER_TYPES,
  type WorkOrderListInput,
  type WorkOrderSort,
  type WorkOrderStatus,
  type WorkOrderType,
} from "@/lib/validation/work-order";

export interface ListParams {
  q?: string;
  status: WorkOrderStatus[];
  type?: WorkOrderType;
  priority?: number;
  assignee?: string;
  location?: string;
  asset?: string;
  dueFrom?: string;
  dueTo?: string;
  overdue: boolean;
  sort: WorkOrderSort;
  cursor?: string;
  before?: string;
}

export type SearchParams = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const all = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);
const short = (v: string | undefined, max = 200) => (v && v.length <= max ? v : undefined);
const oneOf = <T extends string>(list: readonly T[], v: string | undefined) => (list as readonly string[]).includes(v ?? "") ? (v as T) : undefined;

export function parseListParams(sp: SearchParams): ListParams {
  const priority = Number(first(sp.priority));
  return {
    q: short(first(sp.q)),
    status: all(sp.status).filter((s): s is WorkOrderStatus => (WORK_ORDER_STATUSES as readonly string[]).includes(s)),
    type: oneOf(WORK_ORDER_TYPES, first(sp.type)),
    priority: Number.isInteger(priority) && priority >= 1 && priority <= 5 ? priority : undefined,
    assignee: short(first(sp.assignee), 100),
    location: short(first(sp.location), 100),
    asset: short(first(sp.asset), 100),
    dueFrom: DAY.test(first(sp.due_from) ?? "") ? first(sp.due_from) : undefined,
    dueTo: DAY.test(first(sp.due_to) ?? "") ? first(sp.due_to) : undefined,
    overdue: first(sp.overdue) === "1",
    sort: oneOf(SORTS, first(sp.sort)) ?? "newest",
    cursor: short(first(sp.cursor), 500),
    before: short(first(sp.before), 500),
  };
}

export function toListInput(p: ListParams): WorkOrderListInput {
  return {
    q: p.q,
    status: p.status.length ? p.status : undefined,
    type: p.type ? [p.type] : undefined,
    priority: p.priority ? [p.priority] : undefined,
    assignee: p.assignee,
    locationId: p.location,
    assetId: p.asset,
    dueAfter: p.dueFrom,
    dueBefore: p.dueTo,
    overdue: p.overdue || undefined,
    sort: p.sort,
    cursor: p.cursor,
    before: p.cursor ? undefined : p.before,
  };
}

/** Filters beyond the search box and the sort, for the "Filters (n)" summary. */
export function activeFilters(p: ListParams): number {
  return [p.status.length > 0, p.type, p.priority, p.assignee, p.location, p.asset, p.dueFrom, p.dueTo, p.overdue].filter(Boolean).length;
}

/** The query string for these params (no leading "?"); paging cursors only when given. */
export function toQuery(p: ListParams, page: { cursor?: string; before?: string } = {}): string {
  const q = new URLSearchParams();
  if (p.q) q.set("q", p.q);
  for (const s of p.status) q.append("status", s);
  if (p.type) q.set("type", p.type);
  if (p.priority) q.set("priority", String(p.priority));
  if (p.assignee) q.set("assignee", p.assignee);
  if (p.location) q.set("location", p.location);
  if (p.asset) q.set("asset", p.asset);
  if (p.dueFrom) q.set("due_from", p.dueFrom);
  if (p.dueTo) q.set("due_to", p.dueTo);
  if (p.overdue) q.set("overdue", "1");
  if (p.sort !== "newest") q.set("sort", p.sort);
  if (page.cursor) q.set("cursor", page.cursor);
  if (page.before) q.set("before", page.before);
  return q.toString();
}
