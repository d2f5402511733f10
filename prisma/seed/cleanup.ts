// Removes the demo tenants (acme, globex, bench-*) and demo users before a re-seed.
//
// Plain `DELETE FROM "Tenant"` cascades, but each cascaded work order then looks up its children by
// "workOrderId", which no index leads with (indexes lead with tenantId), so the cascade is quadratic
// (20,000 work orders: a minute; a million: days). Linear paths, in order:
//   1. every tenant-owned table holds demo rows only → TRUNCATE them (needs only table ownership);
//   2. superuser (dev machines, CI, PGlite) → bulk DELETE by "tenantId" with FK triggers off;
//   3. otherwise delete by "tenantId" table by table, children before parents, vacuuming each level so
//      the parents' foreign-key checks scan empty tables.
import type { Sql } from "../../lib/db/sql";

export interface CleanupResult {
  tenants: number;
  users: number;
  method: "none" | "truncate" | "bulk" | "ordered";
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function tenantTables(sql: Sql): Promise<string[]> {
  const rows = await sql.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND c.column_name = 'tenantId' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name`,
  );
  return rows.map((r) => r.table_name);
}

async function inTransaction<T>(sql: Sql, fn: () => Promise<T>): Promise<T> {
  await sql.query("BEGIN");
  try {
    const result = await fn();
    await sql.query("COMMIT");
    return result;
  } catch (e) {
    await sql.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/** Tenant tables in deletion order: each level only holds tables no remaining table references. */
async function deletionLevels(sql: Sql, tables: string[]): Promise<string[][]> {
  const edges = await sql.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint c
       JOIN pg_class ch ON ch.oid = c.conrelid
       JOIN pg_class pa ON pa.oid = c.confrelid
      WHERE c.contype = 'f' AND ch.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())`,
  );
  const remaining = new Set(tables);
  const levels: string[][] = [];
  while (remaining.size) {
    let level = [...remaining].filter((t) => !edges.some((e) => e.parent === t && e.child !== t && remaining.has(e.child)));
    if (level.length === 0) level = [...remaining]; // a cycle: let the database sort it out
    for (const t of level) remaining.delete(t);
    levels.push(level);
  }
  return levels;
}

async function orderedDelete(sql: Sql, tables: string[], ids: string[]): Promise<void> {
  for (const level of await deletionLevels(sql, tables)) {
    await inTransaction(sql, async () => {
      for (const id of ids) {
        // Row-level security: an ordinary owner sees (and deletes) one tenant at a time.
        await sql.query(`SELECT set_config('app.tenant_id', $1, true)`, [id]);
        for (const table of level) await sql.query(`DELETE FROM ${q(table)} WHERE "tenantId" = $1`, [id]);
      }
    });
    for (const table of level) await sql.query(`VACUUM ${q(table)}`);
  }
  await inTransaction(sql, () => sql.query(`DELETE FROM "Tenant" WHERE id = ANY($1::text[])`, [ids]));
}

export async function removeDemoData(sql: Sql, slugs: string[], emails: string[]): Promise<CleanupResult> {
  const ids = (
    await sql.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = ANY($1::text[]) OR slug LIKE 'bench-%'`, [slugs])
  ).map((r) => r.id);
  let method: CleanupResult["method"] = "none";

  if (ids.length) {
    const tables = await tenantTables(sql);
    // Under FORCE row-level security an ordinary owner sees no rows without a tenant set, so "no other
    // tenant's rows" can only be trusted from a role that bypasses RLS.
    const [role] = await sql.query<{ su: boolean; bypass: boolean }>(
      `SELECT rolsuper AS su, rolbypassrls AS bypass FROM pg_roles WHERE rolname = current_user`,
    );
    const superuser = Boolean(role?.su);
    method = await inTransaction(sql, async () => {
      let foreign = !(role?.su || role?.bypass);
      // Nothing may slip in between the check and the TRUNCATE (a running dev server, say).
      if (!foreign && tables.length) await sql.query(`LOCK TABLE ${tables.map(q).join(", ")} IN ACCESS EXCLUSIVE MODE`);
      for (const table of foreign ? [] : tables) {
        const [row] = await sql.query<{ found: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM ${q(table)} WHERE "tenantId" IS NULL OR NOT ("tenantId" = ANY($1::text[]))) AS found`,
          [ids],
        );
        if (row.found) {
          foreign = true;
          break;
        }
      }
      if (!foreign && tables.length) {
        await sql.query("SAVEPOINT seed_truncate");
        try {
          await sql.query(`TRUNCATE ${tables.map(q).join(", ")}`);
          await sql.query(`DELETE FROM "Tenant" WHERE id = ANY($1::text[])`, [ids]);
          return "truncate" as const;
        } catch {
          // e.g. a table outside this set references one of them: fall through to the next method.
          await sql.query("ROLLBACK TO SAVEPOINT seed_truncate");
        }
      }
      if (superuser) {
        // Rows outside the demo tenants that point into them (a self-registered client's ceiling group).
        await sql.query(
          `UPDATE "OAuthConsumer" SET "permissionGroupId" = NULL
            WHERE "permissionGroupId" IN (SELECT id FROM "PermissionGroup" WHERE "tenantId" = ANY($1::text[]))`,
          [ids],
        );
        await sql.query("SET LOCAL session_replication_role = replica");
        for (const table of tables) await sql.query(`DELETE FROM ${q(table)} WHERE "tenantId" = ANY($1::text[])`, [ids]);
        await sql.query(`DELETE FROM "Tenant" WHERE id = ANY($1::text[])`, [ids]);
        await sql.query("SET LOCAL session_replication_role = origin");
        return "bulk" as const;
      }
      return "ordered" as const;
    });
    if (method === "ordered") await orderedDelete(sql, tables, ids);
  }

  const users = await inTransaction(sql, async () => {
    try {
      const rows = await sql.query<{ id: string }>(
        `DELETE FROM "User" WHERE email = ANY($1::text[]) OR email LIKE '%@bench-%.test' RETURNING id`,
        [emails],
      );
      return rows.length;
    } catch (e) {
      throw new Error(
        `seed: could not remove the demo users; data in a non-demo tenant still references them (${(e as Error).message})`,
      );
    }
  });
  return { tenants: ids.length, users, method };
}
