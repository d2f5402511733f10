import "server-only";
// An asset's maintenance history: its work orders (a small read of our own; lib/data/work-orders.ts owns
// the work-order module) and its cost to date, aggregated in SQL over the asset's work orders.
import type { Prisma } from "@/lib/generated/prisma/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { requireRight } from "./assets-shared";
import { clampLimit, decodeCursor, toPage, type Page } from "./pagination";

const CLOSED = ["completed", "cancelled"] as const;

const workOrderSelect = {
  id: true,
  code: true,
  title: true,
  type: true,
  priority: true,
  status: true,
  dueAt: true,
  completedAt: true,
  createdAt: true,
} as const satisfies Prisma.WorkOrderSelect;

export type AssetWorkOrder = Prisma.WorkOrderGetPayload<{ select: typeof workOrderSelect }>;

const stateFilter = (state: "open" | "closed"): Prisma.WorkOrderWhereInput =>
  state === "open" ? { status: { notIn: [...CLOSED] } } : { status: { in: [...CLOSED] } };

/** Open work orders by priority then due date; closed ones newest first. */
export function assetWorkOrders(tx: Tx, tenantId: string, assetId: string, state: "open" | "closed", take: number) {
  return tx.workOrder.findMany({
    where: { tenantId, assetId, ...stateFilter(state) },
    select: workOrderSelect,
    orderBy:
      state === "open"
        ? [{ priority: "asc" }, { dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }]
        : [{ createdAt: "desc" }, { id: "desc" }],
    take,
  });
}

/** One page of an asset's work orders, newest first (the asset page's history table). */
export async function listAssetWorkOrders(
  access: Access,
  input: { assetId: string; state: "open" | "closed"; limit?: number; cursor?: string },
): Promise<Page<AssetWorkOrder>> {
  requireRight(access, "assets", "view");
  requireRight(access, "workorders", "view");
  const limit = clampLimit(input.limit);
  const after = decodeCursor(input.cursor);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const asset = await tx.asset.findFirst({ where: { id: input.assetId, tenantId }, select: { id: true } });
    if (!asset) throw notFound("Asset not found");
    const where: Prisma.WorkOrderWhereInput = { tenantId, assetId: asset.id, ...stateFilter(input.state) };
    if (after) {
      const at = new Date(String(after.k));
      if (Number.isNaN(at.getTime())) return { items: [], nextCursor: null };
      where.OR = [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }];
    }
    const rows = await tx.workOrder.findMany({
      where,
      select: workOrderSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    });
    return toPage(rows, limit, (r) => r.createdAt.toISOString());
  });
}

export interface AssetCost {
  /** the tenant's currency (ISO 4217) */
  currency: string;
  /** Σ TimeEntry.minutes / 60 × rate over the asset's work orders */
  labour: number;
  /** Σ PartUsage.quantity × unitCost over the asset's work orders */
  parts: number;
  total: number;
  /** the last 12 calendar months (UTC) that had any cost, oldest first */
  byMonth: { month: string; labour: number; parts: number }[];
}

/**
 * Cost to date (SMRP: maintenance cost = labour + parts). Summed by PostgreSQL, never by loading rows:
 * an asset may have thousands of time entries. Labour is dated by the time entry, parts by their use.
 */
export async function assetCost(tx: Tx, tenantId: string, assetId: string): Promise<AssetCost> {
  const [totals] = await tx.$queryRaw<{ labour: number; parts: number }[]>`
    SELECT
      COALESCE((SELECT ROUND(SUM(te.minutes * te.rate / 60.0), 2)
                  FROM "TimeEntry" te JOIN "WorkOrder" w ON w.id = te."workOrderId" AND w."tenantId" = ${tenantId}
                 WHERE te."tenantId" = ${tenantId} AND w."assetId" = ${assetId}), 0)::float8 AS labour,
      COALESCE((SELECT ROUND(SUM(pu.quantity::numeric * pu."unitCost"), 2)
                  FROM "PartUsage" pu JOIN "WorkOrder" w ON w.id = pu."workOrderId" AND w."tenantId" = ${tenantId}
                 WHERE pu."tenantId" = ${tenantId} AND w."assetId" = ${assetId}), 0)::float8 AS parts`;
  const byMonth = await tx.$queryRaw<{ month: string; labour: number; parts: number }[]>`
    WITH since AS (SELECT date_trunc('month', now() AT TIME ZONE 'UTC') - interval '11 months' AS at),
    labour AS (
      SELECT date_trunc('month', te."startedAt") AS m, SUM(te.minutes * te.rate / 60.0) AS v
        FROM "TimeEntry" te JOIN "WorkOrder" w ON w.id = te."workOrderId" AND w."tenantId" = ${tenantId}
       WHERE te."tenantId" = ${tenantId} AND w."assetId" = ${assetId} AND te."startedAt" >= (SELECT at FROM since)
       GROUP BY 1),
    parts AS (
      SELECT date_trunc('month', pu."createdAt") AS m, SUM(pu.quantity::numeric * pu."unitCost") AS v
        FROM "PartUsage" pu JOIN "WorkOrder" w ON w.id = pu."workOrderId" AND w."tenantId" = ${tenantId}
       WHERE pu."tenantId" = ${tenantId} AND w."assetId" = ${assetId} AND pu."createdAt" >= (SELECT at FROM since)
       GROUP BY 1)
    SELECT to_char(COALESCE(l.m, p.m), 'YYYY-MM') AS month,
           ROUND(COALESCE(l.v, 0), 2)::float8 AS labour,
           ROUND(COALESCE(p.v, 0), 2)::float8 AS parts
      FROM labour l FULL JOIN parts p ON p.m = l.m
     ORDER BY 1`;
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { currency: true } });
  const labour = Number(totals?.labour ?? 0);
  const parts = Number(totals?.parts ?? 0);
  return {
    currency: tenant?.currency ?? "USD",
    labour,
    parts,
    total: Math.round((labour + parts) * 100) / 100,
    byMonth: byMonth.map((r) => ({ month: r.month, labour: Number(r.labour), parts: Number(r.parts) })),
  };
}
