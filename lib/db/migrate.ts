// Applies prisma/migrations/* in order and records them in Prisma's own `_prisma_migrations` table
// (checksum = sha256 of migration.sql), so `prisma migrate deploy` on a machine that can download
// Prisma's engine carries on from the same state. Works on PostgreSQL and embedded PGlite alike.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Sql } from "./sql";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

// Every path spelled out from process.cwd(): a path the bundler cannot see the shape of makes it trace
// (and deploy) the whole project with the /api/ready function.
const migrationFile = (name: string) => path.join(process.cwd(), "prisma", "migrations", name, "migration.sql");

export function listMigrations(): Migration[] {
  return fs
    .readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(migrationFile(d.name)))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(migrationFile(name), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Names of migrations not yet applied (an empty list means the database is current). */
export async function pendingMigrations(sql: Sql): Promise<string[]> {
  const exists = await sql.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  const all = listMigrations();
  if (!exists[0]?.t) return all.map((m) => m.name);
  const done = await sql.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Set(done.map((r) => r.migration_name));
  return all.filter((m) => !applied.has(m.name)).map((m) => m.name);
}

export async function migrate(sql: Sql, log: (line: string) => void = () => {}) {
  // Serialise concurrent deploys (two instances starting at once) on PostgreSQL.
  if (sql.kind === "postgres") await sql.query(`SELECT pg_advisory_lock(72707393)`);
  try {
    await sql.exec(BOOKKEEPING);
    const rows = await sql.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const appliedNow: string[] = [];
    for (const m of listMigrations()) {
      const prior = applied.get(m.name);
      if (prior) {
        if (prior !== m.checksum) throw new Error(`migration ${m.name} was edited after it was applied`);
        continue;
      }
      log(`applying ${m.name}`);
      // One transaction per migration: a failure leaves the database as it was before it.
      await sql.exec(`BEGIN;\n${m.sql}\n;`);
      try {
        await sql.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await sql.exec("COMMIT");
      } catch (e) {
        await sql.exec("ROLLBACK");
        throw e;
      }
      appliedNow.push(m.name);
    }
    return appliedNow;
  } catch (e) {
    await sql.exec("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    if (sql.kind === "postgres") await sql.query(`SELECT pg_advisory_unlock(72707393)`);
  }
}
