import "server-only";
// Settings → Account: what the tenant uses. Table sizes on disk (pg_total_relation_size) are shared by all
// tenants and their row estimates are often unset (reltuples = -1 before the first ANALYZE), so the data
// size is estimated from this tenant's own rows only: per table, its row count × the average stored size
// of a row (pg_column_size over a sample of up to 1,000 of its rows). Indexes and page overhead are not
// counted — the screen says so.
import { Prisma } from "@/lib/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";
import { requireSettings } from "./settings";

/** Every tenant-owned table (those with RLS), by model name. Constants: safe to splice into SQL. */
const TABLES = [
  "Membership", "Role", "PermissionGroup", "Location", "Asset", "Downtime", "Meter", "MeterReading", "WorkRequest",
  "WorkOrder", "WorkOrderAssignee", "WorkOrderTask", "ChecklistItem", "Comment", "TimeEntry", "PartUsage",
  "MaintenancePlan", "PlanTask", "PlanTrigger", "PmOccurrence", "Part", "Warehouse", "Stock", "StockMovement",
  "BusinessCalendar", "Holiday", "AuditLog", "OAuthConsumer", "Authorization", "AuthorizationCode", "AccessToken",
  "RefreshToken",
] as const;
const SAMPLE = 1000;

export interface Usage {
  members: { active: number; total: number };
  assets: number;
  workOrders: { total: number; open: number };
  requests: number;
  plans: number;
  parts: number;
  consumers: number;
  authorizations: number;
  auditRows: number;
  /** estimated bytes of this tenant's rows (no indexes or page overhead) */
  dataBytes: number;
  largestTables: { table: string; rows: number; bytes: number }[];
}

export async function getUsage(access: Access): Promise<Usage> {
  requireSettings(access, "view");
  const t = access.tenantId;
  return withTenant(t, access.userId, async (tx) => {
    const parts = TABLES.map(
      (name) => Prisma.sql`SELECT ${name}::text AS "table",
        (SELECT count(*) FROM ${Prisma.raw(`"${name}"`)} WHERE "tenantId" = ${t})::float8 AS rows,
        (SELECT avg(pg_column_size(s.*)) FROM (SELECT * FROM ${Prisma.raw(`"${name}"`)} WHERE "tenantId" = ${t} LIMIT ${SAMPLE}) s)::float8 AS width`,
    );
    const sizes = await tx.$queryRaw<{ table: string; rows: number; width: number | null }[]>(Prisma.join(parts, " UNION ALL "));
    const byTable = new Map(sizes.map((s) => [s.table, s]));
    const rows = (name: (typeof TABLES)[number]) => byTable.get(name)?.rows ?? 0;
    const [activeMembers, openWorkOrders, liveAuthorizations] = [
      await tx.membership.count({ where: { tenantId: t, active: true } }),
      await tx.workOrder.count({ where: { tenantId: t, status: { notIn: ["completed", "cancelled"] } } }),
      await tx.authorization.count({ where: { tenantId: t, revokedAt: null } }),
    ];
    const tables = sizes.map((s) => ({ table: s.table, rows: s.rows, bytes: Math.round(s.rows * (s.width ?? 0)) }));
    return {
      members: { active: activeMembers, total: rows("Membership") },
      assets: rows("Asset"),
      workOrders: { total: rows("WorkOrder"), open: openWorkOrders },
      requests: rows("WorkRequest"),
      plans: rows("MaintenancePlan"),
      parts: rows("Part"),
      consumers: rows("OAuthConsumer"),
      authorizations: liveAuthorizations,
      auditRows: rows("AuditLog"),
      dataBytes: tables.reduce((sum, x) => sum + x.bytes, 0),
      largestTables: tables.filter((x) => x.rows > 0).sort((a, b) => b.bytes - a.bytes).slice(0, 6),
    };
  });
}
