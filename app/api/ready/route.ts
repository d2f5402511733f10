import { databaseHealth, pendingMigrations } from "@/lib/data/health";
import { errorFields, log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and has every migration this build ships with. */
export async function GET() {
  const database = await databaseHealth();
  let pending: string[] | null = null;
  if (database.ok) {
    try {
      pending = await pendingMigrations();
    } catch (e) {
      log.error("readiness: cannot read migration state", errorFields(e));
    }
  }
  const ready = database.ok && pending !== null && pending.length === 0;
  return Response.json(
    { status: ready ? "ready" : "not_ready", database, migrations: pending === null ? "unknown" : { pending } },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store", ...(ready ? {} : { "Retry-After": "5" }) } },
  );
}
