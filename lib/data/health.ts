import "server-only";
import { withUser } from "@/lib/db/tenant";

/** Is the database reachable? Never throws; the error text stays in the server log. */
export async function databaseHealth(): Promise<{ ok: boolean; latencyMs?: number }> {
  const started = performance.now();
  try {
    await withUser(null, (tx) => tx.$queryRaw`SELECT 1`);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    console.error(JSON.stringify({ level: "error", msg: "database health check failed", error: String(e) }));
    return { ok: false };
  }
}
