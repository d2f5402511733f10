import "server-only";
// Searching work orders: filters → a tenant-scoped where clause, and keyset pagination over the chosen
// sort (lib/data/pagination.ts). A filter naming another tenant's asset, location or user finds nothing
// under RLS and answers "not found"; a cursor only names a position, so it cannot reveal other rows.
import { withTenant, type Tx } from "@/lib/db/tenant";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { clampLimit, decodeCursor, encodeCursor, type CursorPosition } from "@/lib/data/pagination";
import {
  workOrderFilterSchema,
  workOrderListSchema,
  type WorkOrderFilters,
  type WorkOrderListInput,
  type WorkOrderSort,
} from "@/lib/validation/work-order";
import { ACTIVE_STATUSES } from "@/lib/validation/work-order-status";
import { toInstant } from "@/lib/validation/work-order-dates";
import { parse, requireRight, tenantSettings } from "./shared";
import type { z } from "zod";

type Where = Prisma.WorkOrderWhereInput;
/** "WO-000123", "wo-123", "000123", "123": an optional letter prefix, then the number. */
const CODE_LIKE = /^(?:[A-Za-z]+-?)?0*(\d{1,9})$/;
type Dir = "asc" | "desc";
interface SortSpec {
  field: "number" | "dueAt" | "priority" | "updatedAt";
  dir: Dir;
  /** `number` is unique per tenant, so it needs no tie-breaker */
  unique?: boolean;
  /** nulls sort last */
  nullable?: boolean;
  tie: Dir;
}

// `number` follows creation order, so "newest" rides the (tenantId, number) unique index.
const SORT_SPECS: Record<WorkOrderSort, SortSpec> = {
  newest: { field: "number", dir: "desc", unique: true, tie: "desc" },
  oldest: { field: "number", dir: "asc", unique: true, tie: "asc" },
  due: { field: "dueAt", dir: "asc", nullable: true, tie: "asc" },
  priority: { field: "priority", dir: "asc", tie: "desc" },
  updated: { field: "updatedAt", dir: "desc", tie: "desc" },
};

export const summarySelect = {
  id: true,
  code: true,
  title: true,
  type: true,
  priority: true,
  status: true,
  number: true,
  dueAt: true,
  startedAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
  asset: { select: { id: true, code: true, name: true } },
  location: { select: { id: true, code: true, name: true } },
  assignees: { select: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
} as const satisfies Prisma.WorkOrderSelect;

type SummaryRow = Prisma.WorkOrderGetPayload<{ select: typeof summarySelect }>;

/** The summary row of lists (UI, MCP): picks fields explicitly, so a richer row passed in adds nothing. */
export function toSummary(row: SummaryRow, now = new Date()) {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    type: row.type,
    priority: row.priority,
    status: row.status,
    dueAt: row.dueAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    overdue: row.dueAt !== null && row.dueAt < now && (ACTIVE_STATUSES as string[]).includes(row.status),
    asset: row.asset,
    location: row.location,
    assignees: row.assignees.map((a) => a.user),
  };
}
export type WorkOrderSummary = ReturnType<typeof toSummary>;

/** Ids of a tree node and (when `deep`) all its descendants; empty when the root is not this tenant's. */
async function subtree(tx: Tx, tenantId: string, table: "Asset" | "Location", rootId: string, deep: boolean): Promise<string[]> {
  const t = Prisma.raw(`"${table}"`);
  const rows = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM ${t} WHERE id = ${rootId} AND "tenantId" = ${tenantId}
      UNION
      SELECT c.id FROM ${t} c JOIN tree ON c."parentId" = tree.id WHERE c."tenantId" = ${tenantId} AND ${deep}
    )
    SELECT id FROM tree`);
  return rows.map((r) => r.id);
}

/** The tenant's time zone is only read when a date filter needs it (one query fewer on most lists). */
type TimeZone = () => Promise<string>;
const timeZoneOf = (tx: Tx, tenantId: string): TimeZone => async () => (await tenantSettings(tx, tenantId)).timeZone;

async function buildWhere(tx: Tx, access: Access, f: z.infer<typeof workOrderFilterSchema>, timeZone: TimeZone): Promise<Where> {
  const and: Where[] = [{ tenantId: access.tenantId }];
  if (f.status?.length) and.push({ status: { in: f.status } });
  if (f.type?.length) and.push({ type: { in: f.type } });
  if (f.priority?.length) and.push({ priority: { in: f.priority } });
  const deep = f.includeChildren ?? true;
  if (f.assetId) {
    const ids = await subtree(tx, access.tenantId, "Asset", f.assetId, deep);
    if (ids.length === 0) throw notFound("Asset not found");
    and.push({ assetId: { in: ids } });
  }
  if (f.locationId) {
    const ids = await subtree(tx, access.tenantId, "Location", f.locationId, deep);
    if (ids.length === 0) throw notFound("Location not found");
    and.push({ locationId: { in: ids } });
  }
  if (f.assignee === "unassigned") and.push({ assignees: { none: {} } });
  else if (f.assignee) and.push({ assignees: { some: { userId: await assigneeId(tx, access, f.assignee) } } });
  if (f.dueAfter) and.push({ dueAt: { gte: toInstant(f.dueAfter, await timeZone(), "start") } });
  if (f.dueBefore) and.push({ dueAt: { lte: toInstant(f.dueBefore, await timeZone(), "end") } });
  if (f.overdue) and.push({ dueAt: { lt: new Date() }, status: { in: [...ACTIVE_STATUSES] } });
  if (f.q) {
    // A code or number (WO-000123, 123) finds that work order through the (tenantId, number) index; any
    // other text is matched in the title and description.
    const code = CODE_LIKE.exec(f.q);
    if (code) and.push({ number: Number(code[1]) });
    else {
      const q = { contains: f.q, mode: "insensitive" } as const;
      and.push({ OR: [{ code: q }, { title: q }, { description: q }] });
    }
  }
  return { AND: and };
}

/** Any member, past or present (their old work still lists under them), by id, email or "me". */
async function assigneeId(tx: Tx, access: Access, ref: string): Promise<string> {
  if (ref === "me") {
    if (!access.userId) throw new AppError("invalid", 'assignee "me" needs a signed-in user');
    return access.userId;
  }
  const m = await tx.membership.findFirst({
    where: { tenantId: access.tenantId, OR: [{ userId: ref }, { user: { email: ref.toLowerCase() } }] },
    select: { userId: true },
  });
  if (!m) throw notFound(`No member "${ref}" in this tenant`);
  return m.userId;
}

const flip = (d: Dir): Dir => (d === "asc" ? "desc" : "asc");
const beyond = (d: Dir) => (d === "asc" ? "gt" : "lt");

function orderBy(spec: SortSpec, backward: boolean): Prisma.WorkOrderOrderByWithRelationInput[] {
  const dir = backward ? flip(spec.dir) : spec.dir;
  const key = spec.nullable ? { sort: dir, nulls: backward ? "first" : "last" } : dir;
  return [{ [spec.field]: key }, ...(spec.unique ? [] : [{ id: backward ? flip(spec.tie) : spec.tie }])];
}

function keyOf(spec: SortSpec, row: SummaryRow): string | number | null {
  const v = row[spec.field];
  return v instanceof Date ? v.toISOString() : v;
}

function readKey(spec: SortSpec, pos: CursorPosition): number | Date | null {
  const bad = () => new AppError("invalid", "Invalid cursor for this sort");
  if (pos.k === null) {
    if (!spec.nullable) throw bad();
    return null;
  }
  if (spec.field === "number" || spec.field === "priority") {
    if (typeof pos.k !== "number") throw bad();
    return pos.k;
  }
  const at = typeof pos.k === "string" ? new Date(pos.k) : null;
  if (!at || Number.isNaN(at.getTime())) throw bad();
  return at;
}

/** Rows strictly after `pos` in the sort order (before it when `backward`); nulls sort last. */
function afterPosition(spec: SortSpec, pos: CursorPosition, backward: boolean): Where {
  const k = readKey(spec, pos);
  const field = spec.field;
  const dir = backward ? flip(spec.dir) : spec.dir;
  const tie = { id: { [beyond(backward ? flip(spec.tie) : spec.tie)]: pos.id } };
  if (k === null) {
    // Forward from a null key: only later nulls. Backward: later nulls in reverse, then every non-null.
    return backward ? { OR: [{ [field]: { not: null } }, { [field]: null, ...tie }] } : { [field]: null, ...tie };
  }
  const or: Where[] = [{ [field]: { [beyond(dir)]: k } }];
  if (!spec.unique) or.push({ [field]: k, ...tie });
  if (spec.nullable && !backward) or.push({ [field]: null });
  return { OR: or };
}

export interface WorkOrderPage {
  items: WorkOrderSummary[];
  nextCursor: string | null;
  /** set when there are rows before this page (browser paging) */
  prevCursor: string | null;
  /** rows matching the filters on all pages, when asked for with `withTotal` */
  total?: number;
}

/** One page of work orders; `withTotal` also counts every match, in the same transaction. */
export async function listWorkOrders(access: Access, input: WorkOrderListInput = {}, opts: { withTotal?: boolean } = {}): Promise<WorkOrderPage> {
  requireRight(access, "view");
  const f = parse(workOrderListSchema, input);
  const limit = clampLimit(f.limit);
  const spec = SORT_SPECS[f.sort ?? "newest"];
  const backward = Boolean(f.before) && !f.cursor;
  const pos = decodeCursor(backward ? f.before : f.cursor);
  const page = await withTenant(access.tenantId, access.userId, async (tx) => {
    const where = await buildWhere(tx, access, f, timeZoneOf(tx, access.tenantId));
    const read = (p: CursorPosition | null, back: boolean) =>
      tx.workOrder.findMany({
        where: p ? { AND: [where, afterPosition(spec, p, back)] } : where,
        select: summarySelect,
        orderBy: orderBy(spec, back),
        take: limit + 1,
      });
    const position = (row: SummaryRow) => encodeCursor({ k: keyOf(spec, row), id: row.id });
    const total = opts.withTotal ? await tx.workOrder.count({ where }) : undefined;
    if (backward && pos) {
      const rows = await read(pos, true);
      // Fewer rows than a page before the cursor: that is the first page, shown full from the top.
      if (rows.length > limit) {
        const items = rows.slice(0, limit).reverse();
        return { rows: items, nextCursor: position(items.at(-1)!), prevCursor: position(items[0]), total };
      }
    }
    const rows = await read(backward ? null : pos, false);
    const items = rows.slice(0, limit);
    return {
      rows: items,
      nextCursor: rows.length > limit ? position(items.at(-1)!) : null,
      prevCursor: pos && !backward && items.length ? position(items[0]) : null,
      total,
    };
  });
  const now = new Date();
  const { rows, ...rest } = page;
  return { items: rows.map((r) => toSummary(r, now)), ...rest };
}

export async function countWorkOrders(access: Access, filters: WorkOrderFilters = {}): Promise<number> {
  requireRight(access, "view");
  const f = parse(workOrderFilterSchema, filters);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    return tx.workOrder.count({ where: await buildWhere(tx, access, f, timeZoneOf(tx, access.tenantId)) });
  });
}
