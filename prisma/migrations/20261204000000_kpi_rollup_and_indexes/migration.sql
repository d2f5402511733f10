-- DropIndex
DROP INDEX "WorkOrder_tenantId_status_createdAt_idx";

-- CreateTable
CREATE TABLE "KpiCostDaily" (
    "tenantId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "assetId" TEXT NOT NULL DEFAULT '',
    "locationId" TEXT NOT NULL DEFAULT '',
    "planned" BOOLEAN NOT NULL,
    "labourMinutes" BIGINT NOT NULL DEFAULT 0,
    "labourRateMinutes" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "partsCost" DECIMAL(65,30) NOT NULL DEFAULT 0,

    CONSTRAINT "KpiCostDaily_pkey" PRIMARY KEY ("tenantId","day","assetId","locationId","planned")
);

-- CreateIndex
CREATE INDEX "KpiCostDaily_tenantId_assetId_day_idx" ON "KpiCostDaily"("tenantId", "assetId", "day");

-- CreateIndex
CREATE INDEX "AccessToken_tenantId_sourceId_idx" ON "AccessToken"("tenantId", "sourceId");

-- CreateIndex
CREATE INDEX "PartUsage_tenantId_createdAt_idx" ON "PartUsage"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "RefreshToken_tenantId_parentId_idx" ON "RefreshToken"("tenantId", "parentId");

-- CreateIndex
CREATE INDEX "StockMovement_tenantId_at_idx" ON "StockMovement"("tenantId", "at");

-- CreateIndex
CREATE INDEX "WorkOrder_tenantId_type_dueAt_status_completedAt_idx" ON "WorkOrder"("tenantId", "type", "dueAt", "status", "completedAt");

-- CreateIndex
CREATE INDEX "WorkOrder_tenantId_planId_createdAt_idx" ON "WorkOrder"("tenantId", "planId", "createdAt");

-- CreateIndex
CREATE INDEX "WorkOrder_tenantId_status_dueAt_estimatedHours_idx" ON "WorkOrder"("tenantId", "status", "dueAt", "estimatedHours");

-- CreateIndex
CREATE INDEX "WorkOrder_tenantId_createdAt_idx" ON "WorkOrder"("tenantId", "createdAt");

-- AddForeignKey
ALTER TABLE "KpiCostDaily" ADD CONSTRAINT "KpiCostDaily_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- ───────────── Hand-written: row-level security, planner labels, the cost rollup ─────────────
-- docs/performance.md has the query plans behind each statement below.

-- KpiCostDaily is tenant-owned: the same policy and grants as every tenant table (migration 20261123000100).
ALTER TABLE "KpiCostDaily" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "KpiCostDaily" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "KpiCostDaily" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());
GRANT SELECT, INSERT, UPDATE, DELETE ON "KpiCostDaily" TO fettle_app;

-- The RLS helpers only read settings, which parallel workers inherit from the leader. Unlabelled they
-- count as PARALLEL UNSAFE, and then every query under a policy that calls them runs on one core.
ALTER FUNCTION app_tenant_id() PARALLEL SAFE;
ALTER FUNCTION app_user_id() PARALLEL SAFE;
ALTER FUNCTION app_lookup() PARALLEL SAFE;

-- Under RLS, PostgreSQL only moves a query's own condition into an index scan ahead of the policy when
-- its operator is LEAKPROOF. Enum equality is not labelled so, so `status IN (…)` / `type IN (…)` were
-- filters applied after reading every index entry of the tenant (1,000,000 entries read to count 45,000
-- open work orders). enum_eq / enum_ne compare two OIDs and cannot fail, so they leak nothing. Only a
-- superuser may set the label: where the migration role is not one (managed PostgreSQL), the queries stay
-- correct and merely slower, so that case is a notice, not an error.
DO $$
BEGIN
  ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF;
  ALTER FUNCTION enum_ne(anyenum, anyenum) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'enum_eq/enum_ne left without LEAKPROOF (needs a superuser): status and type filters under RLS will not use indexes';
END
$$;

-- The cost rollup (model KpiCostDaily). Every change to a time entry, a part usage or the key of a work
-- order (asset, location, corrective or not) moves amounts between rollup rows in the same transaction, so
-- a KPI read right after a write sees it, exactly. Statement-level triggers with transition tables: a bulk
-- insert of 5,000 time entries is one upsert per key, not 5,000.

-- Adds signed amounts, given as a JSON array of rows, summed per key; a key whose amounts come to zero is
-- removed, so moving work between assets leaves no empty rows behind. Keys of a tenant that is being
-- deleted are skipped: its rollup goes with it by cascade, and a new row would point at the vanished tenant.
CREATE FUNCTION kpi_cost_add(deltas jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "KpiCostDaily" AS k ("tenantId", "day", "assetId", "locationId", "planned", "labourMinutes", "labourRateMinutes", "partsCost")
  SELECT d."tenantId", d."day", d."assetId", d."locationId", d."planned", sum(d."labourMinutes"), sum(d."labourRateMinutes"), sum(d."partsCost")
    FROM jsonb_to_recordset(coalesce(deltas, '[]'::jsonb)) AS d("tenantId" text, "day" date, "assetId" text, "locationId" text,
                                                               "planned" boolean, "labourMinutes" bigint, "labourRateMinutes" numeric, "partsCost" numeric)
   WHERE EXISTS (SELECT 1 FROM "Tenant" t WHERE t."id" = d."tenantId")
   GROUP BY 1, 2, 3, 4, 5
  HAVING sum(d."labourMinutes") <> 0 OR sum(d."labourRateMinutes") <> 0 OR sum(d."partsCost") <> 0
  ON CONFLICT ("tenantId", "day", "assetId", "locationId", "planned") DO UPDATE
    SET "labourMinutes" = k."labourMinutes" + EXCLUDED."labourMinutes",
        "labourRateMinutes" = k."labourRateMinutes" + EXCLUDED."labourRateMinutes",
        "partsCost" = k."partsCost" + EXCLUDED."partsCost";
  DELETE FROM "KpiCostDaily" k
   USING jsonb_to_recordset(coalesce(deltas, '[]'::jsonb)) AS d("tenantId" text, "day" date, "assetId" text, "locationId" text, "planned" boolean)
   WHERE k."tenantId" = d."tenantId" AND k."day" = d."day" AND k."assetId" = d."assetId" AND k."locationId" = d."locationId"
     AND k."planned" = d."planned" AND k."labourMinutes" = 0 AND k."labourRateMinutes" = 0 AND k."partsCost" = 0;
$$;

-- Old rows leave their key, new rows join theirs. A row whose work order is already gone is skipped: the
-- work order's delete trigger below took its amounts away before the cascade reached it.
CREATE FUNCTION kpi_cost_time_entries() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb := '[]';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || coalesce((
      SELECT jsonb_agg(jsonb_build_object(
               'tenantId', o."tenantId", 'day', o."startedAt"::date, 'assetId', coalesce(w."assetId", ''),
               'locationId', coalesce(w."locationId", ''), 'planned', w."type" <> 'corrective',
               'labourMinutes', -o."minutes", 'labourRateMinutes', -(o."minutes" * o."rate"), 'partsCost', 0))
        FROM old_rows o JOIN "WorkOrder" w ON w."id" = o."workOrderId"), '[]');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || coalesce((
      SELECT jsonb_agg(jsonb_build_object(
               'tenantId', n."tenantId", 'day', n."startedAt"::date, 'assetId', coalesce(w."assetId", ''),
               'locationId', coalesce(w."locationId", ''), 'planned', w."type" <> 'corrective',
               'labourMinutes', n."minutes", 'labourRateMinutes', n."minutes" * n."rate", 'partsCost', 0))
        FROM new_rows n JOIN "WorkOrder" w ON w."id" = n."workOrderId"), '[]');
  END IF;
  PERFORM kpi_cost_add(deltas);
  RETURN NULL;
END
$$;

CREATE FUNCTION kpi_cost_part_usages() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb := '[]';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || coalesce((
      SELECT jsonb_agg(jsonb_build_object(
               'tenantId', o."tenantId", 'day', o."createdAt"::date, 'assetId', coalesce(w."assetId", ''),
               'locationId', coalesce(w."locationId", ''), 'planned', w."type" <> 'corrective',
               'labourMinutes', 0, 'labourRateMinutes', 0, 'partsCost', -(o."quantity"::numeric * o."unitCost")))
        FROM old_rows o JOIN "WorkOrder" w ON w."id" = o."workOrderId"), '[]');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || coalesce((
      SELECT jsonb_agg(jsonb_build_object(
               'tenantId', n."tenantId", 'day', n."createdAt"::date, 'assetId', coalesce(w."assetId", ''),
               'locationId', coalesce(w."locationId", ''), 'planned', w."type" <> 'corrective',
               'labourMinutes', 0, 'labourRateMinutes', 0, 'partsCost', n."quantity"::numeric * n."unitCost"))
        FROM new_rows n JOIN "WorkOrder" w ON w."id" = n."workOrderId"), '[]');
  END IF;
  PERFORM kpi_cost_add(deltas);
  RETURN NULL;
END
$$;

-- A work order whose asset, location or corrective-ness changes moves all its labour and parts to the new key.
CREATE FUNCTION kpi_cost_work_orders_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM kpi_cost_add((
    WITH moved AS (
      SELECT o."id", o."tenantId",
             coalesce(o."assetId", '') AS "oldAsset", coalesce(o."locationId", '') AS "oldLocation", o."type" <> 'corrective' AS "oldPlanned",
             coalesce(n."assetId", '') AS "newAsset", coalesce(n."locationId", '') AS "newLocation", n."type" <> 'corrective' AS "newPlanned"
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
       WHERE (o."assetId", o."locationId", o."type" <> 'corrective') IS DISTINCT FROM (n."assetId", n."locationId", n."type" <> 'corrective')
    ), amounts AS (
      SELECT m.*, te."startedAt"::date AS "day", te."minutes"::bigint AS "minutes", te."minutes" * te."rate" AS "rateMinutes", 0::numeric AS "parts"
        FROM moved m JOIN "TimeEntry" te ON te."tenantId" = m."tenantId" AND te."workOrderId" = m."id"
      UNION ALL
      SELECT m.*, pu."createdAt"::date, 0, 0, pu."quantity"::numeric * pu."unitCost"
        FROM moved m JOIN "PartUsage" pu ON pu."tenantId" = m."tenantId" AND pu."workOrderId" = m."id"
    )
    SELECT jsonb_agg(d) FROM (
      SELECT "tenantId", "day", "oldAsset" AS "assetId", "oldLocation" AS "locationId", "oldPlanned" AS "planned",
             -"minutes" AS "labourMinutes", -"rateMinutes" AS "labourRateMinutes", -"parts" AS "partsCost" FROM amounts
      UNION ALL
      SELECT "tenantId", "day", "newAsset", "newLocation", "newPlanned", "minutes", "rateMinutes", "parts" FROM amounts
    ) d));
  RETURN NULL;
END
$$;

-- A deleted work order takes its labour and parts away BEFORE the cascade deletes its time entries and part
-- usages (whose own triggers can then no longer find its key). Row-level: BEFORE triggers have no
-- transition tables. When the whole tenant is being deleted there is nothing to keep exact.
CREATE FUNCTION kpi_cost_work_order_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM "Tenant" t WHERE t."id" = OLD."tenantId") THEN
    RETURN OLD;
  END IF;
  PERFORM kpi_cost_add((
    SELECT jsonb_agg(jsonb_build_object(
             'tenantId', OLD."tenantId", 'day', x."day", 'assetId', coalesce(OLD."assetId", ''),
             'locationId', coalesce(OLD."locationId", ''), 'planned', OLD."type" <> 'corrective',
             'labourMinutes', -x."minutes", 'labourRateMinutes', -x."rateMinutes", 'partsCost', -x."parts"))
      FROM (
        SELECT te."startedAt"::date AS "day", te."minutes"::bigint AS "minutes", te."minutes" * te."rate" AS "rateMinutes", 0::numeric AS "parts"
          FROM "TimeEntry" te WHERE te."tenantId" = OLD."tenantId" AND te."workOrderId" = OLD."id"
        UNION ALL
        SELECT pu."createdAt"::date, 0, 0, pu."quantity"::numeric * pu."unitCost"
          FROM "PartUsage" pu WHERE pu."tenantId" = OLD."tenantId" AND pu."workOrderId" = OLD."id"
      ) x));
  RETURN OLD;
END
$$;

-- Transition tables allow one event per trigger.
CREATE TRIGGER kpi_cost_insert AFTER INSERT ON "TimeEntry" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_cost_time_entries();
CREATE TRIGGER kpi_cost_update AFTER UPDATE ON "TimeEntry" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_cost_time_entries();
CREATE TRIGGER kpi_cost_delete AFTER DELETE ON "TimeEntry" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_cost_time_entries();
CREATE TRIGGER kpi_cost_insert AFTER INSERT ON "PartUsage" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_cost_part_usages();
CREATE TRIGGER kpi_cost_update AFTER UPDATE ON "PartUsage" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_cost_part_usages();
CREATE TRIGGER kpi_cost_delete AFTER DELETE ON "PartUsage" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_cost_part_usages();
CREATE TRIGGER kpi_cost_update AFTER UPDATE ON "WorkOrder" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_cost_work_orders_updated();
CREATE TRIGGER kpi_cost_delete BEFORE DELETE ON "WorkOrder"
  FOR EACH ROW EXECUTE FUNCTION kpi_cost_work_order_deleted();

-- Recomputes one tenant's rollup from the raw rows: after a bulk load that ran with triggers off (the
-- benchmark seed), or to check the triggers (test/kpi-rollup.test.ts compares the two).
CREATE FUNCTION kpi_cost_rebuild(tenant text) RETURNS void LANGUAGE sql AS $$
  DELETE FROM "KpiCostDaily" WHERE "tenantId" = tenant;
  INSERT INTO "KpiCostDaily" ("tenantId", "day", "assetId", "locationId", "planned", "labourMinutes", "labourRateMinutes", "partsCost")
  SELECT tenant, x."day", x."assetId", x."locationId", x."planned", sum(x."minutes"), sum(x."rateMinutes"), sum(x."parts")
    FROM (
      SELECT te."startedAt"::date AS "day", coalesce(w."assetId", '') AS "assetId", coalesce(w."locationId", '') AS "locationId",
             w."type" <> 'corrective' AS "planned", te."minutes"::bigint AS "minutes", te."minutes" * te."rate" AS "rateMinutes", 0::numeric AS "parts"
        FROM "TimeEntry" te JOIN "WorkOrder" w ON w."id" = te."workOrderId" AND w."tenantId" = tenant
       WHERE te."tenantId" = tenant
      UNION ALL
      SELECT pu."createdAt"::date, coalesce(w."assetId", ''), coalesce(w."locationId", ''), w."type" <> 'corrective',
             0, 0, pu."quantity"::numeric * pu."unitCost"
        FROM "PartUsage" pu JOIN "WorkOrder" w ON w."id" = pu."workOrderId" AND w."tenantId" = tenant
       WHERE pu."tenantId" = tenant
    ) x
   GROUP BY x."day", x."assetId", x."locationId", x."planned"
  HAVING sum(x."minutes") <> 0 OR sum(x."rateMinutes") <> 0 OR sum(x."parts") <> 0;
$$;
