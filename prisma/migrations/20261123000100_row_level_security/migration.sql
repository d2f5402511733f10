-- Row-level security: the database's own guard for tenant isolation (ARCHITECTURE.md §2, STYLE.md #3).
-- The app runs every tenant query in a transaction that first calls set_config('app.tenant_id', …, true),
-- connected as (or SET ROLE to) fettle_app, a role that owns nothing and cannot bypass RLS. With no tenant
-- set, tenant-owned tables look empty. FORCE makes the policies apply to the tables' owner too.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fettle_app') THEN
    CREATE ROLE fettle_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO fettle_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fettle_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fettle_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fettle_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO fettle_app;

-- After a transaction ends, a set_config(…, true) value reads as '' rather than NULL.
CREATE OR REPLACE FUNCTION app_tenant_id() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '') $$;
-- The signed-in user, so a user can list their own memberships across tenants (tenant switcher).
CREATE OR REPLACE FUNCTION app_user_id() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.user_id', true), '') $$;
-- A hash presented by a caller (token, code or client id) before its tenant is known: a row is visible
-- without a tenant only to someone who already holds its secret.
CREATE OR REPLACE FUNCTION app_lookup() RETURNS text LANGUAGE sql STABLE
  AS $$ SELECT NULLIF(current_setting('app.lookup', true), '') $$;

ALTER TABLE "Membership" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Membership" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Role" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Role" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Role" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "PermissionGroup" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PermissionGroup" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PermissionGroup" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "TenantCounter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TenantCounter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TenantCounter" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Location" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Location" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Location" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Asset" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Asset" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Asset" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Downtime" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Downtime" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Downtime" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Meter" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Meter" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Meter" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "MeterReading" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MeterReading" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "MeterReading" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "WorkRequest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WorkRequest" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WorkRequest" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "WorkOrder" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WorkOrder" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WorkOrder" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "WorkOrderAssignee" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WorkOrderAssignee" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WorkOrderAssignee" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "WorkOrderTask" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "WorkOrderTask" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "WorkOrderTask" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "ChecklistItem" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ChecklistItem" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "ChecklistItem" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Comment" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Comment" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Comment" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "TimeEntry" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "TimeEntry" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "TimeEntry" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "PartUsage" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PartUsage" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PartUsage" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "MaintenancePlan" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MaintenancePlan" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "MaintenancePlan" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "PlanTask" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlanTask" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlanTask" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "PlanTrigger" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PlanTrigger" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PlanTrigger" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "PmOccurrence" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PmOccurrence" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "PmOccurrence" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Part" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Part" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Part" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Warehouse" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Warehouse" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Warehouse" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Stock" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Stock" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Stock" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "StockMovement" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "StockMovement" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "StockMovement" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "BusinessCalendar" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BusinessCalendar" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "BusinessCalendar" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "Holiday" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Holiday" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Holiday" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "AuditLog" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditLog" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "AuditLog" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "OAuthConsumer" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OAuthConsumer" FORCE ROW LEVEL SECURITY;
ALTER TABLE "Authorization" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Authorization" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Authorization" USING ("tenantId" = app_tenant_id()) WITH CHECK ("tenantId" = app_tenant_id());

ALTER TABLE "AuthorizationCode" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuthorizationCode" FORCE ROW LEVEL SECURITY;
ALTER TABLE "AccessToken" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AccessToken" FORCE ROW LEVEL SECURITY;
ALTER TABLE "RefreshToken" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "RefreshToken" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "Membership"
  USING ("tenantId" = app_tenant_id() OR "userId" = app_user_id())
  WITH CHECK ("tenantId" = app_tenant_id());

-- Self-registered clients (tenantId NULL) are visible to every tenant that may authorize them.
CREATE POLICY tenant_isolation ON "OAuthConsumer"
  USING ("tenantId" = app_tenant_id() OR "tenantId" IS NULL OR "clientId" = app_lookup())
  WITH CHECK ("tenantId" = app_tenant_id() OR "tenantId" IS NULL);

CREATE POLICY tenant_isolation ON "AuthorizationCode"
  USING ("tenantId" = app_tenant_id() OR "codeHash" = app_lookup())
  WITH CHECK ("tenantId" = app_tenant_id());

CREATE POLICY tenant_isolation ON "AccessToken"
  USING ("tenantId" = app_tenant_id() OR "tokenHash" = app_lookup())
  WITH CHECK ("tenantId" = app_tenant_id());

CREATE POLICY tenant_isolation ON "RefreshToken"
  USING ("tenantId" = app_tenant_id() OR "tokenHash" = app_lookup())
  WITH CHECK ("tenantId" = app_tenant_id());
