import "server-only";
// Reading the "Transactions log" (lib/data/audit.ts writes it): filtered, keyset-paginated newest first
// for Settings → Transactions log, and in batches for the CSV export. Date filters are whole days in the
// tenant's time zone, as the admin reads them on screen.
import { Prisma } from "@/lib/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";
import type { AuditFilter } from "@/lib/validation/settings-api";
import { audit } from "./audit";
import { clampLimit, decodeCursor, toPage, type Page } from "./pagination";
import { requireSettings } from "./settings";

const select = {
  id: true,
  at: true,
  actorType: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  ip: true,
  user: { select: { id: true, name: true, email: true } },
  consumer: { select: { id: true, name: true } },
} as const;
export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof select }>;

/** Milliseconds the zone's wall clock is ahead of UTC at `instant`. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second")) - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in `timeZone`, `addDays` later. */
export function startOfDay(day: string, timeZone: string, addDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d + addDays);
  // Two passes: the offset at the guessed instant can differ from the one at the answer across a DST change.
  const first = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(first, timeZone));
}

function where(access: Access, f: AuditFilter, timeZone: string): Prisma.AuditLogWhereInput {
  const at: Prisma.DateTimeFilter = {};
  if (f.from) at.gte = startOfDay(f.from, timeZone);
  if (f.to) at.lt = startOfDay(f.to, timeZone, 1);
  return {
    tenantId: access.tenantId,
    ...(f.entity ? { entity: f.entity } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(f.user ? { userId: f.user } : {}),
    ...(f.consumer ? { consumerId: f.consumer } : {}),
    ...(f.from || f.to ? { at } : {}),
  };
}

function after(cursor: string | undefined): Prisma.AuditLogWhereInput {
  const position = decodeCursor(cursor);
  if (!position) return {};
  const at = new Date(String(position.k));
  if (Number.isNaN(at.getTime())) return {};
  // The redundant `at <= k` bounds the index range scan; with the OR alone PostgreSQL walks every newer row
  // from the top and filters it out, so each page would cost as much as all the pages before it.
  return { at: { lte: at }, OR: [{ at: { lt: at } }, { at, id: { lt: position.id } }] };
}

async function readPage(access: Access, filter: AuditFilter, timeZone: string, take: number): Promise<Page<AuditRow>> {
  const rows = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.auditLog.findMany({
      where: { AND: [where(access, filter, timeZone), after(filter.cursor)] },
      select,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: take + 1,
    }),
  );
  return toPage(rows, take, (r) => r.at.toISOString());
}

export async function listAuditLog(access: Access, filter: AuditFilter, timeZone: string, limit?: number): Promise<Page<AuditRow>> {
  requireSettings(access, "view");
  return readPage(access, filter, timeZone, clampLimit(limit));
}

/** Every matching row, newest first, a batch (one short transaction) at a time — for the CSV export. */
export async function* auditLogBatches(access: Access, filter: AuditFilter, timeZone: string, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  requireSettings(access, "view");
  let cursor: string | undefined;
  do {
    const page = await readPage(access, { ...filter, cursor }, timeZone, batchSize);
    if (page.items.length) yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** The values the filters offer: entities and actions that occur in this tenant's log. */
export async function auditLogFacets(access: Access): Promise<{ entities: string[]; actions: string[] }> {
  requireSettings(access, "view");
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const entities = await tx.$queryRaw<{ v: string }[]>`
      SELECT DISTINCT "entity" AS v FROM "AuditLog" WHERE "tenantId" = ${access.tenantId} AND "entity" IS NOT NULL ORDER BY 1 LIMIT 200`;
    const actions = await tx.$queryRaw<{ v: string }[]>`
      SELECT DISTINCT "action" AS v FROM "AuditLog" WHERE "tenantId" = ${access.tenantId} ORDER BY 1 LIMIT 500`;
    return { entities: entities.map((r) => r.v), actions: actions.map((r) => r.v) };
  });
}

/** Who took a copy of the log, and of which part of it, is itself worth a line in the log. */
export async function recordAuditExport(access: Access, filter: AuditFilter, ip: string | null): Promise<void> {
  requireSettings(access, "view");
  const { cursor: _cursor, ...applied } = filter;
  await withTenant(access.tenantId, access.userId, (tx) =>
    audit(tx, access, { action: "settings.log.export", entity: "AuditLog", after: JSON.parse(JSON.stringify(applied)), ip }),
  );
}
