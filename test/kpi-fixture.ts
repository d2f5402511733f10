// A small tenant whose KPIs for January 2026 are computed by hand in test/kpi.test.ts. Inserted as the
// database owner, like the seed. Time zone UTC so the arithmetic stays readable.
import type { Sql } from "@/lib/db/sql";

export const FX = {
  tenantId: "tenant-kpifx",
  slug: "kpifx",
  user: "user-kpifx-tech",
  loc: { site: "kpifx-loc-site", bay: "kpifx-loc-bay" },
  asset: { line: "kpifx-asset-line", p1: "kpifx-asset-p1", p2: "kpifx-asset-p2", f1: "kpifx-asset-f1", r1: "kpifx-asset-r1" },
  /** "now" for the snapshot figures (open, overdue, backlog) */
  now: new Date("2026-02-15T00:00:00Z"),
  period: { from: "2026-01-01", to: "2026-01-31" },
};

const A = FX.asset;
const t = (iso: string) => `2026-${iso}:00Z`;

export async function insertKpiFixture(sql: Sql): Promise<void> {
  const T = FX.tenantId;
  await sql.query(`SELECT set_config('app.tenant_id', $1, false)`, [T]);
  const insert = async (table: string, rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      const cols = Object.keys(row);
      await sql.query(
        `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`,
        Object.values(row),
      );
    }
  };
  const now = "2026-01-01T00:00:00Z";
  await insert("Tenant", [{ id: T, slug: FX.slug, name: "KPI Fixture", timezone: "UTC", currency: "USD", settings: "{}", updatedAt: now }]);
  await insert("User", [{ id: FX.user, email: "tech@kpifx.test", name: "Fixture Tech", updatedAt: now }]);
  await insert("BusinessCalendar", [
    { id: "kpifx-cal", tenantId: T, workingDays: "{1,2,3,4,5}", dayStart: "08:00", dayEnd: "16:00", crewSize: 2, updatedAt: now },
  ]);
  await insert("Location", [
    { id: FX.loc.site, tenantId: T, code: "SITE", name: "Site", updatedAt: now },
    { id: FX.loc.bay, tenantId: T, parentId: FX.loc.site, code: "BAY", name: "Bay", updatedAt: now },
  ]);
  const asset = (id: string, code: string, parentId: string | null, locationId: string, category: string, status = "operational") => ({
    id, tenantId: T, code, name: code, parentId, locationId, category, status, updatedAt: now,
  });
  await insert("Asset", [
    asset(A.line, "LINE", null, FX.loc.site, "Line"),
    asset(A.p1, "P1", A.line, FX.loc.bay, "Pump"),
    asset(A.p2, "P2", A.line, FX.loc.site, "Pump"),
    asset(A.f1, "F1", null, FX.loc.site, "Fan"),
    asset(A.r1, "R1", null, FX.loc.site, "Pump", "retired"),
  ]);
  const dt = (id: string, assetId: string, start: string, end: string | null, planned = false) => ({
    id, tenantId: T, assetId, startedAt: start, endedAt: end, planned, updatedAt: now,
  });
  await insert("Downtime", [
    dt("kpifx-d1", A.p1, t("01-10T08:00"), t("01-10T12:00")),
    dt("kpifx-d2", A.p1, t("01-31T22:00"), t("02-01T04:00")),
    dt("kpifx-d3", A.p2, "2025-12-31T20:00:00Z", t("01-01T02:00")),
    dt("kpifx-d4", A.f1, t("01-15T00:00"), t("01-15T10:00"), true),
    dt("kpifx-d5", A.p2, t("01-31T00:00"), null),
  ]);
  let n = 0;
  const wo = (o: Record<string, unknown>) => {
    n++;
    return { id: `kpifx-wo-${n}`, tenantId: T, number: n, code: `WO-${String(n).padStart(6, "0")}`, title: `WO ${n}`, locationId: FX.loc.site, updatedAt: now, ...o };
  };
  await insert("WorkOrder", [
    wo({ type: "corrective", assetId: A.p1, locationId: FX.loc.bay, createdAt: t("01-10T08:05"), dueAt: t("01-11T08:00"), completedAt: t("01-10T12:00"), status: "completed", priority: 1, failureCause: "wear", estimatedHours: 4 }),
    wo({ type: "corrective", assetId: A.p1, locationId: FX.loc.bay, createdAt: t("01-31T22:10"), dueAt: t("02-01T22:00"), completedAt: t("02-01T04:00"), status: "completed", priority: 2, failureCause: "wear" }),
    wo({ type: "corrective", assetId: A.p2, createdAt: t("01-31T00:10"), dueAt: t("01-31T12:00"), status: "in_progress", priority: 1, estimatedHours: 8 }),
    wo({ type: "preventive", assetId: A.f1, createdAt: t("01-05T09:00"), dueAt: t("01-15T10:00"), completedAt: t("01-15T09:00"), status: "completed", priority: 3 }),
    wo({ type: "preventive", assetId: A.p2, createdAt: t("01-10T09:00"), dueAt: t("01-20T10:00"), completedAt: t("01-22T11:00"), status: "completed", priority: 3 }),
    wo({ type: "preventive", assetId: A.p1, locationId: FX.loc.bay, createdAt: t("01-25T09:00"), dueAt: t("01-28T10:00"), status: "open", priority: 3, estimatedHours: 2 }),
    wo({ type: "preventive", assetId: A.p1, locationId: FX.loc.bay, createdAt: t("01-26T09:00"), dueAt: t("01-30T10:00"), status: "cancelled", priority: 3 }),
    wo({ type: "inspection", assetId: A.f1, createdAt: t("01-12T09:00"), dueAt: t("01-13T09:00"), completedAt: t("01-12T14:00"), status: "completed", priority: 4 }),
    wo({ type: "corrective", assetId: A.f1, createdAt: t("01-20T08:30"), dueAt: t("01-21T08:30"), completedAt: t("01-21T10:00"), status: "completed", priority: 2, failureCause: "electrical" }),
    wo({ type: "corrective", assetId: A.p1, locationId: FX.loc.bay, createdAt: "2025-12-15T08:00:00Z", dueAt: "2025-12-16T08:00:00Z", completedAt: "2025-12-16T08:00:00Z", status: "completed", priority: 2, failureCause: "wear" }),
    wo({ type: "improvement", assetId: null, locationId: FX.loc.bay, createdAt: t("02-02T08:00"), dueAt: t("03-01T08:00"), status: "open", priority: 5, estimatedHours: 10 }),
    wo({ type: "preventive", assetId: A.p2, createdAt: t("02-05T08:00"), dueAt: t("02-10T08:00"), status: "open", priority: 3, estimatedHours: 3 }),
  ]);
  const te = (i: number, w: number, start: string, minutes: number, rate: string) => ({
    id: `kpifx-te-${i}`, tenantId: T, workOrderId: `kpifx-wo-${w}`, userId: FX.user, startedAt: start, minutes, rate, updatedAt: now,
  });
  await insert("TimeEntry", [
    te(1, 1, t("01-10T09:00"), 180, "50.00"),
    te(2, 4, t("01-15T08:00"), 60, "40.00"),
    te(3, 5, t("01-22T10:00"), 90, "40.00"),
    te(4, 8, t("01-12T13:00"), 30, "60.00"),
    te(5, 9, t("01-20T09:00"), 120, "45.50"),
    te(6, 2, t("02-01T01:00"), 120, "50.00"),
    te(7, 10, "2025-12-15T09:00:00Z", 60, "50.00"),
  ]);
  await insert("Part", [
    { id: "kpifx-part-a", tenantId: T, code: "PA", name: "Part A", unitCost: "12.50", updatedAt: now },
    { id: "kpifx-part-b", tenantId: T, code: "PB", name: "Part B", unitCost: "20.00", updatedAt: now },
  ]);
  const pu = (i: number, w: number, part: string, quantity: number, unitCost: string, at: string) => ({
    id: `kpifx-pu-${i}`, tenantId: T, workOrderId: `kpifx-wo-${w}`, partId: `kpifx-part-${part}`, quantity, unitCost, createdAt: at,
  });
  await insert("PartUsage", [
    pu(1, 1, "a", 2, "12.50", t("01-10T11:00")),
    pu(2, 5, "b", 1.5, "20.00", t("01-22T11:00")),
    pu(3, 9, "a", 1, "13.00", t("01-21T09:00")),
    pu(4, 2, "a", 1, "12.50", t("02-01T03:00")),
  ]);
  await sql.query(`SELECT set_config('app.tenant_id', '', false)`);
}
