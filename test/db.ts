// Test databases: one migrated and seeded template per run, and a fresh copy of it for every test file
// (a PostgreSQL `CREATE DATABASE … TEMPLATE`, or a copied PGlite folder), so files never share state.
// Every PostgreSQL database of a run carries the run's id in its name, and the global teardown drops them
// all (dropRunDatabases), so runs leave nothing behind on a shared server.
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

/** Set by the global setup before any test file runs (forked workers inherit it). */
const runId = () => process.env.FETTLE_TEST_RUN ?? "norun";
export const newRunId = () => `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;

export const uniqueName = (prefix: string) => `${prefix}_${runId()}_${randomBytes(3).toString("hex")}`;

/** Drops every database of run `id` (WITH (FORCE): a worker that crashed may still hold a connection). */
export async function dropRunDatabases(id: string): Promise<number> {
  const admin = adminUrl();
  if (!admin) return 0;
  const sql = await openSql(admin);
  try {
    const rows = await sql.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE strpos(datname, $1) > 0`, [`_${id}_`]);
    // Clones first: a template cannot be dropped while a copy is being made from it.
    const names = rows.map((r) => r.datname).sort((a, b) => Number(a.startsWith("fettle_tpl")) - Number(b.startsWith("fettle_tpl")));
    for (const name of names) await sql.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return names.length;
  } finally {
    await sql.close();
  }
}

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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
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
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fettle_t-"));
  fs.cpSync(path.join(template.dir!, "db"), path.join(dir, "db"), { recursive: true });
  return { dir };
}
