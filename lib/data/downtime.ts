import "server-only";
// Downtime periods of an asset: the recent ones with a 12-month summary for the asset view, and a paged
// history. Durations are computed by PostgreSQL; an open period (endedAt null) counts up to now.
import type { Prisma } from "@/lib/generated/prisma/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { requireRight } from "./assets-shared";
import { clampLimit, decodeCursor, toPage, type Page } from "./pagination";

const downtimeSelect = {
  id: true,
  startedAt: true,
  endedAt: true,
  planned: true,
  reason: true,
  workOrder: { select: { id: true, code: true } },
} as const satisfies Prisma.DowntimeSelect;

type Row = Prisma.DowntimeGetPayload<{ select: typeof downtimeSelect }>;

const withHours = (row: Row, now = Date.now()) => ({
  ...row,
  hours: Math.round((((row.endedAt?.getTime() ?? now) - row.startedAt.getTime()) / 3_600_000) * 100) / 100,
});
export type DowntimePeriod = ReturnType<typeof withHours>;

export interface DowntimeSummary {
  /** periods that started in the last 365 days */
  count: number;
  hours: number;
  unplannedHours: number;
  /** true while a period has no end */
  ongoing: boolean;
}

/** Recent periods, newest first, and the last 365 days in total. */
export async function assetDowntime(tx: Tx, tenantId: string, assetId: string, take: number) {
  const recent = await tx.downtime.findMany({
    where: { tenantId, assetId },
    select: downtimeSelect,
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take,
  });
  const [s] = await tx.$queryRaw<{ count: number; hours: number; unplanned: number; ongoing: boolean }[]>`
    SELECT count(*)::int AS count,
           COALESCE(ROUND((SUM(EXTRACT(EPOCH FROM (COALESCE("endedAt", now() AT TIME ZONE 'UTC') - "startedAt"))) / 3600)::numeric, 2), 0)::float8 AS hours,
           COALESCE(ROUND((SUM(EXTRACT(EPOCH FROM (COALESCE("endedAt", now() AT TIME ZONE 'UTC') - "startedAt")))
             FILTER (WHERE NOT planned) / 3600)::numeric, 2), 0)::float8 AS unplanned,
           bool_or("endedAt" IS NULL) IS TRUE AS ongoing
      FROM "Downtime"
     WHERE "tenantId" = ${tenantId} AND "assetId" = ${assetId}
       AND "startedAt" >= (now() AT TIME ZONE 'UTC') - interval '365 days'`;
  const summary: DowntimeSummary = {
    count: Number(s?.count ?? 0),
    hours: Number(s?.hours ?? 0),
    unplannedHours: Number(s?.unplanned ?? 0),
    ongoing: Boolean(s?.ongoing),
  };
  return { recent: recent.map((r) => withHours(r)), summary };
}

/** One page of an asset's downtime history, newest first. */
export async function listAssetDowntime(
  access: Access,
  input: { assetId: string; limit?: number; cursor?: string },
): Promise<Page<DowntimePeriod>> {
  requireRight(access, "assets", "view");
  const limit = clampLimit(input.limit);
  const after = decodeCursor(input.cursor);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const asset = await tx.asset.findFirst({ where: { id: input.assetId, tenantId }, select: { id: true } });
    if (!asset) throw notFound("Asset not found");
    const where: Prisma.DowntimeWhereInput = { tenantId, assetId: asset.id };
    if (after) {
      const at = new Date(String(after.k));
      if (Number.isNaN(at.getTime())) return { items: [], nextCursor: null };
      where.OR = [{ startedAt: { lt: at } }, { startedAt: at, id: { lt: after.id } }];
    }
    const rows = await tx.downtime.findMany({
      where,
      select: downtimeSelect,
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    });
    const page = toPage(rows, limit, (r) => r.startedAt.toISOString());
    return { items: page.items.map((r) => withHours(r)), nextCursor: page.nextCursor };
  });
}
