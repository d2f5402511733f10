// Tenant isolation, proven against the real database (PostgreSQL when DATABASE_URL is set, else PGlite):
// the app role sees nothing without a tenant, and tenant A's access never reads or writes tenant B's rows.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, APP_ROLE } from "@/lib/db/client";
import { openSql, type Sql } from "@/lib/db/sql";
import { countWorkOrders, getWorkOrder, listWorkOrders, updateWorkOrder } from "@/lib/data/work-orders";
import { toPermissions, BUILT_IN_ROLES } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy/access";

let owner: Sql;
let acme: { id: string; count: number };
let globex: { id: string; count: number; someWorkOrder: { id: string; title: string } };

const accessFor = (tenantId: string): Access => ({
  tenantId,
  userId: null,
  consumerId: null,
  permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions),
});

beforeAll(async () => {
  owner = await openSql();
  const tenants = await owner.query<{ id: string; slug: string; n: number }>(
    `SELECT t.id, t.slug, (SELECT count(*)::int FROM "WorkOrder" w WHERE w."tenantId" = t.id) AS n
       FROM "Tenant" t WHERE t.slug IN ('acme', 'globex')`,
  );
  const a = tenants.find((t) => t.slug === "acme")!;
  const g = tenants.find((t) => t.slug === "globex")!;
  const [wo] = await owner.query<{ id: string; title: string }>(
    `SELECT id, title FROM "WorkOrder" WHERE "tenantId" = $1 ORDER BY id LIMIT 1`,
    [g.id],
  );
  acme = { id: a.id, count: a.n };
  globex = { id: g.id, count: g.n, someWorkOrder: wo };
  expect(acme.count).toBeGreaterThan(0);
  expect(globex.count).toBeGreaterThan(0);
});

afterAll(async () => {
  await owner.close();
  await (await db()).$disconnect();
});

describe("database layer (row-level security)", () => {
  it("the app role owns nothing and cannot bypass RLS", async () => {
    const [role] = await owner.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      `SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`,
      [APP_ROLE],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await owner.query(`SELECT tablename FROM pg_tables WHERE tableowner = $1`, [APP_ROLE]);
    expect(owned).toEqual([]);
    const unprotected = await owner.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenantId'
        WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace
          AND NOT (c.relrowsecurity AND c.relforcerowsecurity)`,
    );
    expect(unprotected.map((r) => r.relname)).toEqual([]);
  });

  it("with no tenant set, the app's client sees zero rows", async () => {
    const client = await db();
    expect(await client.workOrder.count()).toBe(0);
    expect(await client.asset.count()).toBe(0);
    expect(await client.membership.count()).toBe(0);
  });

  it("a tenant-scoped connection sees exactly its own rows and cannot write another's", async () => {
    await owner.exec(`SET ROLE ${APP_ROLE}`);
    try {
      await owner.exec("BEGIN");
      await owner.query(`SELECT set_config('app.tenant_id', $1, true)`, [acme.id]);
      const [{ n, others }] = await owner.query<{ n: number; others: number }>(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE "tenantId" <> $1)::int AS others FROM "WorkOrder"`,
        [acme.id],
      );
      expect(n).toBe(acme.count);
      expect(others).toBe(0);
      const updated = await owner.query(`UPDATE "WorkOrder" SET title = 'hijacked' WHERE id = $1 RETURNING id`, [
        globex.someWorkOrder.id,
      ]);
      expect(updated).toEqual([]);
      await expect(
        owner.query(
          `INSERT INTO "Location" (id, "tenantId", code, name, "updatedAt") VALUES ('rls-probe', $1, 'X', 'X', now())`,
          [globex.id],
        ),
      ).rejects.toThrow(/row-level security/);
    } finally {
      await owner.exec("ROLLBACK");
      await owner.exec("RESET ROLE");
    }
  });

  it("a tenant transaction takes the app role itself, even on a connection that logged in as the owner", async () => {
    // What withTenant runs first: with a transaction pooler the start-up role can be lost, this cannot.
    const [before] = await owner.query<{ who: string }>(`SELECT current_user AS who`);
    await owner.exec("BEGIN");
    try {
      await owner.query(`SELECT set_config('role', $1, true), set_config('app.tenant_id', '', true)`, [APP_ROLE]);
      const [inside] = await owner.query<{ who: string; n: number }>(`SELECT current_user AS who, (SELECT count(*)::int FROM "WorkOrder") AS n`);
      expect(inside).toEqual({ who: APP_ROLE, n: 0 });
    } finally {
      await owner.exec("ROLLBACK");
    }
    const [after] = await owner.query<{ who: string }>(`SELECT current_user AS who`);
    expect(after.who).toBe(before.who);
    expect(before.who).not.toBe(APP_ROLE);
  });

  it("lib/data with tenant A's access never reads or writes tenant B's rows", async () => {
    const a = accessFor(acme.id);
    expect(await countWorkOrders(a)).toBe(acme.count);
    const { items: rows } = await listWorkOrders(a, { limit: 100 });
    expect(rows.length).toBeGreaterThan(0);
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.has(globex.someWorkOrder.id)).toBe(false);

    await expect(getWorkOrder(a, globex.someWorkOrder.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateWorkOrder(a, { workOrder: globex.someWorkOrder.id, title: "hijacked" })).rejects.toMatchObject({
      code: "not_found",
    });
    const [after] = await owner.query<{ title: string }>(`SELECT title FROM "WorkOrder" WHERE id = $1`, [
      globex.someWorkOrder.id,
    ]);
    expect(after.title).toBe(globex.someWorkOrder.title);

    // The same id through B's own access works, so the miss above was isolation, not a bad id.
    expect((await getWorkOrder(accessFor(globex.id), globex.someWorkOrder.id)).id).toBe(globex.someWorkOrder.id);
  });
});
