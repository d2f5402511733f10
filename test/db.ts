// Test databases: one migrated and seeded template per run, and a fresh copy of it for every test file
// (a PostgreSQL `CREATE DATABASE … TEMPLATE`, or a copied PGlite folder), so files never share state.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openSql, type Sql } from "@/lib/db/sql";

export const adminUrl = () => process.env.DATABASE_URL?.trim() || undefined;

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

// One tag per `vitest run`, set by the global setup before any worker forks (workers inherit it), so the
// teardown drops this run's databases and folders and never another run's on the same server.
export const RUN_TAG = (process.env.FETTLE_TEST_RUN ??= randomBytes(4).toString("hex"));

export const uniqueName = (prefix: string) => `${prefix}_${RUN_TAG}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;

/** A new empty database: a PostgreSQL database on the DATABASE_URL server, or a PGlite folder. */
export async function createEmptyDatabase(prefix = "fettle_t"): Promise<{ url?: string; dir?: string; open: () => Promise<Sql> }> {
  const admin = adminUrl();
  if (admin) {
    const name = uniqueName(prefix);
    const sql = await openSql(admin);
    await sql.exec(`CREATE DATABASE "${name}"`);
    await sql.close();
    const url = withDatabase(admin, name);
    return { url, open: () => openSql(url) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-${RUN_TAG}-`));
  return { dir, open: () => openSql(undefined, path.join(dir, "db")) };
}

export async function cloneTemplate(template: { url?: string; dir?: string }): Promise<{ url?: string; dir?: string }> {
  const admin = adminUrl();
  if (admin && template.url) {
    const name = uniqueName("fettle_t");
    const sql = await openSql(admin);
    await sql.exec(`CREATE DATABASE "${name}" TEMPLATE "${new URL(template.url).pathname.slice(1)}"`);
    await sql.close();
    return { url: withDatabase(admin, name) };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fettle_t-${RUN_TAG}-`));
  fs.cpSync(path.join(template.dir!, "db"), path.join(dir, "db"), { recursive: true });
  return { dir };
}

/** Drops every database and folder this run made (the global setup's teardown). */
export async function removeRunDatabases(): Promise<void> {
  const admin = adminUrl();
  if (admin) {
    const sql = await openSql(admin);
    try {
      const rows = await sql.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE strpos(datname, $1) > 0`, [`_${RUN_TAG}_`]);
      // FORCE: a pooled connection a test file left open must not keep its database alive.
      for (const { datname } of rows) await sql.exec(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await sql.close();
    }
  }
  for (const entry of fs.readdirSync(os.tmpdir())) {
    if (entry.includes(`-${RUN_TAG}-`) && entry.startsWith("fettle_")) fs.rmSync(path.join(os.tmpdir(), entry), { recursive: true, force: true });
  }
}
