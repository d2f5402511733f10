// Self-checks of the demo seed: the §6 contract (tenants, users, settings) and the invariants the KPI
// and inventory code will rely on (dates within the history, stock = sum of movements, no overlapping
// downtime, counters at the last code).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { migrate } from "@/lib/db/migrate";
import type { Sql } from "@/lib/db/sql";
import { createEmptyDatabase } from "@/test/db";
import { DEMO_PASSWORD, assertLocalDatabase, seed, type SeedSummary } from "./index";

const anchor = new Date("2026-03-10T00:00:00Z");
let sql: Sql;
let summary: SeedSummary;

beforeAll(async () => {
  const db = await createEmptyDatabase("fettle_seedcheck");
  sql = await db.open();
  await migrate(sql);
  summary = await seed(sql, { anchor, workOrders: 300 });
});
afterAll(async () => {
  await sql?.close();
});

const one = async <T>(text: string, params?: unknown[]) => (await sql.query<T>(text, params))[0];

describe("demo seed", () => {
  it("creates the tenants, users and memberships of the contract", async () => {
    expect(summary.tenants).toBe(2);
    expect(summary.workOrders).toBe(300 + 90);
    const members = await sql.query<{ email: string; slug: string; role: string }>(
      `SELECT u.email, t.slug, r."builtIn" AS role FROM "Membership" m
         JOIN "User" u ON u.id = m."userId" JOIN "Tenant" t ON t.id = m."tenantId" JOIN "Role" r ON r.id = m."roleId"`,
    );
    const has = (email: string, slug: string, role: string) =>
      expect(members).toContainEqual({ email, slug, role });
    has("admin@acme.test", "acme", "administrator");
    has("tech@acme.test", "acme", "technician");
    has("viewer@acme.test", "acme", "read_only");
    has("requester@acme.test", "acme", "requester");
    has("admin@globex.test", "globex", "administrator");
    has("multi@fettle.test", "acme", "technician");
    has("multi@fettle.test", "globex", "technician");
    const user = await one<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE email = 'admin@globex.test'`);
    expect(await verifyPassword(DEMO_PASSWORD, user.passwordHash)).toBe(true);
  });

  it("lets acme, and only acme, accept self-registered clients under its AI connectors group", async () => {
    const acme = await one<{ settings: Record<string, unknown> }>(`SELECT settings FROM "Tenant" WHERE slug = 'acme'`);
    const globex = await one<{ settings: Record<string, unknown> }>(`SELECT settings FROM "Tenant" WHERE slug = 'globex'`);
    expect(acme.settings.allowSelfRegisteredClients).toBe(true);
    expect(globex.settings).toEqual({ workOrderPrefix: "WO-", allowSelfRegisteredClients: false });
    const group = await one<{ name: string; permissions: Record<string, string[]> }>(
      `SELECT name, permissions FROM "PermissionGroup" WHERE id = $1`,
      [acme.settings.selfRegisteredGroupId],
    );
    expect(group.name).toBe("AI connectors");
    expect(Object.keys(group.permissions).sort()).toEqual(["assets", "inventory", "metrics", "plans", "requests", "workorders"]);
    for (const actions of Object.values(group.permissions)) expect(actions).not.toContain("delete");
  });

  it("keeps codes sequential and counters at the last one", async () => {
    const rows = await sql.query<{ slug: string; name: string; value: number; max: number; codes: number }>(
      `SELECT t.slug, c.name, c.value,
              CASE c.name WHEN 'workorder' THEN (SELECT max(number) FROM "WorkOrder" w WHERE w."tenantId" = t.id)
                          ELSE (SELECT count(*) FROM "WorkRequest" r WHERE r."tenantId" = t.id) END::int AS max,
              (SELECT count(*) FROM "WorkOrder" w WHERE w."tenantId" = t.id AND w.code = 'WO-' || lpad(w.number::text, 6, '0'))::int AS codes
         FROM "TenantCounter" c JOIN "Tenant" t ON t.id = c."tenantId"`,
    );
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.value).toBe(r.max);
    expect(rows.find((r) => r.slug === "acme" && r.name === "workorder")?.codes).toBe(300);
    const req = await one<{ code: string }>(`SELECT code FROM "WorkRequest" WHERE "tenantId" = 'tenant-acme' ORDER BY code LIMIT 1`);
    expect(req.code).toBe("REQ-00001");
  });

  it("covers every status and type, with history ending at the anchor", async () => {
    const wo = await one<{ statuses: string[]; types: string[]; late: number; backwards: number }>(
      `SELECT array_agg(DISTINCT status::text ORDER BY status::text) AS statuses,
              array_agg(DISTINCT type::text ORDER BY type::text) AS types,
              count(*) FILTER (WHERE greatest("createdAt", "startedAt", "completedAt", "updatedAt") > $1)::int AS late,
              count(*) FILTER (WHERE "startedAt" < "createdAt" OR "completedAt" < "startedAt")::int AS backwards
         FROM "WorkOrder" WHERE "tenantId" = 'tenant-acme'`,
      [anchor.toISOString()],
    );
    expect(wo.statuses).toEqual(["cancelled", "completed", "in_progress", "in_review", "on_hold", "open"]);
    expect(wo.types).toEqual(["corrective", "improvement", "inspection", "predictive", "preventive"]);
    expect(wo.late).toBe(0);
    expect(wo.backwards).toBe(0);
    const requests = await sql.query<{ status: string }>(`SELECT DISTINCT status::text FROM "WorkRequest" ORDER BY 1`);
    expect(requests.map((r) => r.status)).toEqual(["approved", "cancelled", "open", "rejected"]);
    const pm = await sql.query<{ status: string }>(`SELECT DISTINCT status::text FROM "PmOccurrence" ORDER BY 1`);
    expect(pm.map((r) => r.status)).toEqual(["done", "due", "in_wo", "scheduled", "skipped"]);
  });

  it("keeps inventory and downtime consistent", async () => {
    const stock = await one<{ off: number; below: number }>(
      `SELECT count(*) FILTER (WHERE abs(s.quantity - coalesce(m.total, 0)) > 1e-6)::int AS off,
              count(*) FILTER (WHERE s.quantity < s.min)::int AS below
         FROM "Stock" s LEFT JOIN (SELECT "partId", "warehouseId", sum(quantity) AS total FROM "StockMovement" GROUP BY 1, 2) m
           ON m."partId" = s."partId" AND m."warehouseId" = s."warehouseId"`,
    );
    expect(stock.off).toBe(0);
    expect(stock.below).toBeGreaterThan(0);
    const overlaps = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Downtime" a JOIN "Downtime" b ON a."assetId" = b."assetId" AND a.id < b.id
        AND tsrange(a."startedAt", coalesce(a."endedAt", 'infinity')) && tsrange(b."startedAt", coalesce(b."endedAt", 'infinity'))`,
    );
    expect(overlaps.n).toBe(0);
  });
});

describe("assertLocalDatabase", () => {
  it.each([
    undefined,
    "postgresql://postgres@localhost:5432/fettle",
    "postgresql://u:p@127.0.0.1/fettle",
    "postgres://[::1]:5432/fettle",
    "postgresql:///fettle?host=/var/run/postgresql",
  ])("accepts %s", (url) => expect(() => assertLocalDatabase(url, false)).not.toThrow());

  it.each(["postgresql://u:secret@db.example.com/fettle", "postgresql://localhost/x?host=10.0.0.5", "not a url"])(
    "refuses %s unless forced",
    (url) => {
      expect(() => assertLocalDatabase(url, false)).toThrow(/Refusing to seed/);
      expect(() => assertLocalDatabase(url, true)).not.toThrow();
    },
  );

  it("does not echo the password", () => {
    expect(() => assertLocalDatabase("postgresql://u:secret@db.example.com/fettle", false)).toThrow(/^((?!secret).)*$/);
  });
});
