// A minimal SQL connection used by migrations, the seed and tests: the same interface over node-postgres
// (when DATABASE_URL is set) and embedded PGlite (otherwise). The app itself queries through Prisma.
import path from "node:path";
import fs from "node:fs";

export interface Sql {
  kind: "postgres" | "pglite";
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script (no parameters). */
  exec(text: string): Promise<void>;
  close(): Promise<void>;
}

/** The embedded database folder: PGLITE_DIR, else .data/pglite in the project. */
export function pgliteDir(): string {
  // Serverless file systems are read-only (and per instance): an embedded database there would lose data.
  if (process.env.VERCEL) throw new Error("DATABASE_URL is required on Vercel: the embedded database needs a writable disk of its own");
  return process.env.PGLITE_DIR || path.join(process.cwd(), ".data", "pglite");
}

const env = (...names: string[]) => names.map((n) => process.env[n]?.trim()).find(Boolean);

/** The app's (pooled) connection. POSTGRES_URL is what Vercel's Postgres integrations set. */
export function databaseUrl(): string | undefined {
  return env("DATABASE_URL", "POSTGRES_URL");
}

/**
 * The connection for schema changes and seeding: the owner, not the app role, and direct rather than
 * through a transaction pooler (DATABASE_URL_UNPOOLED / POSTGRES_URL_NON_POOLING: Neon's and Vercel's names).
 */
export function ownerUrl(): string | undefined {
  return env("MIGRATE_DATABASE_URL", "DATABASE_URL_UNPOOLED", "POSTGRES_URL_NON_POOLING") || databaseUrl();
}

export async function openSql(url = ownerUrl(), dir?: string): Promise<Sql> {
  if (url) {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      kind: "postgres",
      async query<T>(text: string, params?: unknown[]) {
        const res = await client.query(text, params as unknown[]);
        return res.rows as T[];
      },
      async exec(text) {
        await client.query(text);
      },
      async close() {
        await client.end();
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  // Resolved only here: pgliteDir() refuses to run where no embedded database may exist (Vercel).
  dir ??= pgliteDir();
  // PGlite does not create missing parent folders.
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const db = await PGlite.create(dir);
  return {
    kind: "pglite",
    async query<T>(text: string, params?: unknown[]) {
      const res = await db.query<T>(text, params as unknown[]);
      return res.rows;
    },
    async exec(text) {
      await db.exec(text);
    },
    async close() {
      await db.close();
    },
  };
}
