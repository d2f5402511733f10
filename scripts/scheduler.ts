// `npm run scheduler`: one PM scheduler run over every tenant (lib/data/scheduler.ts), for a system cron
// or by hand. Safe to run while another run (or the /api/cron/scheduler route) is going.
import { db } from "../lib/db/client";
import { runScheduler } from "../lib/data/scheduler";

const started = Date.now();
try {
  const r = await runScheduler();
  console.log(
    `PM scheduler: ${r.tenants} tenant(s), ${r.occurrencesCreated} occurrence(s) scheduled, ` +
      `${r.workOrdersCreated} work order(s) raised, ${r.closed} occurrence(s) closed in ${Date.now() - started} ms`,
  );
} catch (e) {
  console.error("PM scheduler failed:", e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await (await db()).$disconnect();
}
