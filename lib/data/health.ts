import "server-only";
import { withUser } from "@/lib/db/tenant";
import { errorFields, log } from "@/lib/log";

/** Is the database reachable? Never throws; the error text stays in the server log. */
export async function databaseHealth(): Promise<{ ok: boolean; latencyMs?: number }> {
  const started = performance.now();
  try {
    await withUser(null, (tx) => tx.$queryRaw`SELECT 1`);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    log.error("database health check failed", errorFields(e));
    return { ok: false };
  }
}

/** Migrations in prisma/migrations that the database has not applied (empty = schema is current). */
export async function pendingMigrations(): Promise<string[]> {
  const { listMigrations } = await import("@/lib/db/migrate");
  const applied = await withUser(null, (tx) =>
    tx.$queryRaw<{ migration_name: string }[]>`
      SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const done = new Set(applied.map((r) => r.migration_name));
  return listMigrations()
    .map((m) => m.name)
    .filter((name) => !done.has(name));
}
