// The benchmark's own PostgreSQL database: dropped, created, migrated and seeded at scale with the project's
// migrate + seed (the same code as `npm run db:seed`), then vacuumed and analysed so the planner works from
// real statistics, as it would on a database that has lived a while.
import { migrate } from "../lib/db/migrate";
import { openSql, type Sql } from "../lib/db/sql";
import { assertLocalDatabase, seed } from "../prisma/seed/index";

export const DEFAULT_BENCH_URL = "postgresql://postgres@127.0.0.1:5432/fettle_bench";

export interface SeedPlan {
  workOrders: number;
  extraTenants: number;
  extraWorkOrders: number;
}

function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`bench: unexpected database name "${name}" in BENCH_DATABASE_URL`);
  return name;
}

/** The same server's maintenance database, for DROP / CREATE DATABASE. */
function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}

export async function recreateDatabase(url: string): Promise<void> {
  // The bench drops the database it is given: never one on another machine.
  assertLocalDatabase(url, false);
  const name = databaseName(url);
  const admin = await openSql(adminUrl(url));
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.close();
  }
}

export async function migrateAndSeed(url: string, plan: SeedPlan, log: (line: string) => void): Promise<void> {
  const sql = await openSql(url);
  try {
    const applied = await migrate(sql);
    log(`applied ${applied.length} migrations`);
    const summary = await seed(sql, {
      workOrders: plan.workOrders,
      extraTenants: plan.extraTenants,
      extraTenantWorkOrders: plan.extraWorkOrders,
      progress: true,
      log,
    });
    const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    log(`seeded ${summary.tenants} tenants, ${summary.workOrders.toLocaleString("en-US")} work orders, ${rows.toLocaleString("en-US")} rows`);
    // Bulk-loaded tables have no statistics and no visibility map yet (index-only scans need it).
    await sql.exec("VACUUM (ANALYZE)");
    log("vacuumed and analysed");
  } finally {
    await sql.close();
  }
}

export async function withSql<T>(url: string, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const sql = await openSql(url);
  try {
    return await fn(sql);
  } finally {
    await sql.close();
  }
}

/** What the bench database holds, to check a `--skip-seed` run against and to print with the results. */
export async function describeDatabase(sql: Sql) {
  const tenants = await sql.query<{ slug: string; work_orders: number }>(
    `SELECT t.slug, (SELECT count(*)::int FROM "WorkOrder" w WHERE w."tenantId" = t.id) AS work_orders
       FROM "Tenant" t ORDER BY work_orders DESC, t.slug`,
  );
  const [size] = await sql.query<{ bytes: string }>(`SELECT pg_database_size(current_database())::text AS bytes`);
  return { tenants, bytes: Number(size.bytes) };
}

/** Server version and the settings that matter for these numbers. */
export async function postgresInfo(sql: Sql) {
  const [row] = await sql.query<{ version: string; shared_buffers: string; work_mem: string; max_connections: string }>(
    `SELECT current_setting('server_version') AS version, current_setting('shared_buffers') AS shared_buffers,
            current_setting('work_mem') AS work_mem, current_setting('max_connections') AS max_connections`,
  );
  return row;
}
