// The KPI cost rollup (KpiCostDaily) must always equal the sums of the raw rows it stands for: checked after
// the seed (which writes through the triggers) and after every kind of change that moves amounts between
// its keys — inserts and edits through lib/data, edits of day, minutes and work order, type / asset /
// location changes, deletes of time entries, part usages, a work order and a whole tenant. Everything runs
// as the app role under RLS (the triggers run as whoever writes), one tenant at a time.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { addPartUsage, logTime, updateWorkOrder } from "@/lib/data/work-orders";
import { ACME, acmeAdmin, freshWorkOrder, GLOBEX, sampleIds } from "./work-orders-fixtures";

afterAll(async () => (await db()).$disconnect());

type Row = Record<string, unknown>;
const query = (tenantId: string, text: string, ...params: unknown[]) =>
  withTenant(tenantId, null, (tx) => tx.$queryRawUnsafe<Row[]>(text, ...params));
/** Statements in one tenant transaction, as an import script or a console session would run them. */
const execute = (tenantId: string, statements: [string, ...unknown[]][]) =>
  withTenant(tenantId, null, async (tx) => {
    for (const [text, ...params] of statements) await tx.$executeRawUnsafe(text, ...params);
  });

const KEY = `"tenantId", "day", "assetId", "locationId", "planned"`;

/** Keys where the stored rollup and a recomputation from the raw rows disagree (empty = exact). */
async function mismatches(tenantId = ACME): Promise<Row[]> {
  return query(tenantId, `
    WITH raw AS (
      SELECT te."tenantId", te."startedAt"::date AS "day", coalesce(w."assetId", '') AS "assetId", coalesce(w."locationId", '') AS "locationId",
             w.type <> 'corrective' AS "planned", te.minutes::bigint AS m, te.minutes * te.rate AS rm, 0::numeric AS p
        FROM "TimeEntry" te JOIN "WorkOrder" w ON w.id = te."workOrderId"
      UNION ALL
      SELECT pu."tenantId", pu."createdAt"::date, coalesce(w."assetId", ''), coalesce(w."locationId", ''), w.type <> 'corrective',
             0, 0, pu.quantity::numeric * pu."unitCost"
        FROM "PartUsage" pu JOIN "WorkOrder" w ON w.id = pu."workOrderId"
    ), expected AS (
      SELECT ${KEY}, sum(m) AS m, sum(rm) AS rm, sum(p) AS p FROM raw GROUP BY ${KEY}
    ), stored AS (
      SELECT ${KEY}, "labourMinutes" AS m, "labourRateMinutes" AS rm, "partsCost" AS p FROM "KpiCostDaily"
    )
    SELECT ${KEY}, e.m::text AS "expectedMinutes", s.m::text AS "storedMinutes", e.rm::text AS "expectedRate", s.rm::text AS "storedRate",
           e.p::text AS "expectedParts", s.p::text AS "storedParts"
      FROM expected e FULL JOIN stored s USING ("tenantId", "day", "assetId", "locationId", "planned")
     WHERE coalesce(e.m, 0) <> coalesce(s.m, 0) OR coalesce(e.rm, 0) <> coalesce(s.rm, 0) OR coalesce(e.p, 0) <> coalesce(s.p, 0)
     LIMIT 20`);
}

const rollupRows = async (tenantId: string) =>
  Number((await query(tenantId, `SELECT count(*)::int AS n FROM "KpiCostDaily"`))[0].n);

describe("KpiCostDaily", () => {
  it("equals the raw sums after the seed", async () => {
    expect(await rollupRows(ACME)).toBeGreaterThan(100);
    expect(await mismatches(ACME)).toEqual([]);
    expect(await mismatches(GLOBEX)).toEqual([]);
  });

  it("follows inserts through the app and edits of every kind", async () => {
    const ids = await sampleIds(ACME);
    const admin = acmeAdmin();
    const wo = await freshWorkOrder(admin, { assetId: ids.childAsset });
    await logTime(admin, { workOrder: wo.id, minutes: 95, startedAt: "2026-03-10T09:00:00Z" });
    await logTime(admin, { workOrder: wo.id, minutes: 30, startedAt: "2026-03-11T23:30:00Z" });
    await addPartUsage(admin, { workOrder: wo.id, partId: ids.partId, warehouseId: ids.warehouseId, quantity: 1.5 });
    expect(await mismatches()).toEqual([]);

    // Corrective → preventive moves the labour to the planned key; a new asset and location move it again.
    await updateWorkOrder(admin, { workOrder: wo.id, type: "preventive" });
    await updateWorkOrder(admin, { workOrder: wo.id, assetId: ids.parentAsset, locationId: ids.parentLocation });
    await updateWorkOrder(admin, { workOrder: wo.id, assetId: null });
    expect(await mismatches()).toEqual([]);

    const other = await freshWorkOrder(admin, { type: "inspection" });
    await execute(ACME, [
      // another day, other minutes and rate, then another work order
      [`UPDATE "TimeEntry" SET "startedAt" = "startedAt" - interval '3 days', minutes = minutes + 7, rate = rate + 1.25 WHERE "workOrderId" = $1`, wo.id],
      [`UPDATE "TimeEntry" SET "workOrderId" = $2 WHERE id = (SELECT min(id) FROM "TimeEntry" WHERE "workOrderId" = $1)`, wo.id, other.id],
      [`UPDATE "PartUsage" SET quantity = 2.25, "createdAt" = "createdAt" - interval '1 day' WHERE "workOrderId" = $1`, wo.id],
      // one statement over many work orders at once
      [`UPDATE "WorkOrder" SET type = 'corrective' WHERE id IN (SELECT id FROM "WorkOrder" WHERE type = 'inspection' ORDER BY number LIMIT 200)`],
    ]);
    expect(await mismatches()).toEqual([]);
  });

  it("follows deletes of entries, usages, work orders and a whole tenant", async () => {
    const [wo] = await query(ACME, `SELECT "workOrderId" AS id FROM "TimeEntry" GROUP BY 1 HAVING count(*) > 1 ORDER BY 1 LIMIT 1`);
    await execute(ACME, [
      [`DELETE FROM "TimeEntry" WHERE id IN (SELECT id FROM "TimeEntry" ORDER BY id LIMIT 50)`],
      [`DELETE FROM "PartUsage" WHERE id IN (SELECT id FROM "PartUsage" ORDER BY id LIMIT 20)`],
      // the work order's entries go by cascade, after its own trigger took their amounts away
      [`DELETE FROM "WorkOrder" WHERE id = $1`, wo.id],
    ]);
    expect(await mismatches(ACME)).toEqual([]);

    // A whole tenant: every work order's trigger fires inside the cascade and must not stand in its way.
    expect(await rollupRows(GLOBEX)).toBeGreaterThan(0);
    await execute(GLOBEX, [[`DELETE FROM "Tenant" WHERE id = $1`, GLOBEX]]);
    expect(await rollupRows(GLOBEX)).toBe(0);
    expect(await mismatches(ACME)).toEqual([]);
  });

  it("kpi_cost_rebuild recomputes a tenant to the same rows", async () => {
    const snapshot = () =>
      query(ACME, `SELECT ${KEY}, "labourMinutes"::text AS m, "labourRateMinutes"::text AS rm, "partsCost"::numeric(30, 10)::text AS p FROM "KpiCostDaily" ORDER BY ${KEY}`);
    const before = await snapshot();
    await query(ACME, `SELECT kpi_cost_rebuild($1)::text`, ACME);
    expect(await snapshot()).toEqual(before);
  });
});
