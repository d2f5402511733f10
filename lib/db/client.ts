import "server-only";
// The one Prisma client. PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set, else embedded
// PGlite in .data/pglite. Either way the connection runs as `fettle_app` (no ownership, no BYPASSRLS), so
// row-level security applies to every query the app makes.
//
// Outages (docs/operations.md): pg-pool drops a client whose connection died (killed backend, restarted
// server) when it is released or errors while idle, and opens fresh ones on demand, so the pool heals by
// itself once the database answers again; lib/db/errors.ts tells such failures apart for the 503 answers.
import { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";
import { unavailableFields } from "./errors";
import { databaseUrl, pgliteDir } from "./sql";

export const APP_ROLE = "fettle_app";

async function createClient(): Promise<PrismaClient> {
  const url = databaseUrl();
  if (url) {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const adapter = new PrismaPg(
      {
        connectionString: url,
        // Serverless instances each hold a pool: keep it small and let the managed pooler multiplex.
        max: Number(process.env.DATABASE_POOL_MAX ?? 5),
        connectionTimeoutMillis: 5_000,
        idleTimeoutMillis: 10_000,
        // A peer that vanished without closing (failover, network partition) is noticed in seconds, not hours.
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
        // Set at connection start-up, so no pooled connection ever runs as the login role. Transaction
        // poolers that refuse start-up options: DATABASE_STARTUP_ROLE=false (every transaction sets it too).
        ...(process.env.DATABASE_STARTUP_ROLE === "false" ? {} : { options: `-c role=${APP_ROLE}` }),
      },
      {
        // The adapter already keeps these from crashing the process; the log line makes the outage visible.
        onPoolError: (e) => log.warn("database pool: idle connection lost", unavailableFields(e)),
      },
    );
    return new PrismaClient({ adapter });
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const pglite = await PGlite.create(pgliteDir());
  // PGlite runs as a superuser, which RLS ignores; dropping to the app role makes the policies apply.
  await pglite.exec(`SET ROLE ${APP_ROLE}`);
  return new PrismaClient({ adapter: new PrismaPGlite(pglite) });
}

const globalForDb = globalThis as unknown as { fettleDb?: Promise<PrismaClient> };

/** The shared client (one per process; kept across hot reloads in development). */
export function db(): Promise<PrismaClient> {
  globalForDb.fettleDb ??= createClient().catch((e) => {
    globalForDb.fettleDb = undefined;
    throw e;
  });
  return globalForDb.fettleDb;
}
