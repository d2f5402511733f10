// `npm run db:seed` / `npx tsx prisma/seed.ts [--work-orders N] [--extra-tenants N] [--anchor ISO] [--force]`
// Migrates, then writes the deterministic demo data (prisma/seed/) to DATABASE_URL (as the owner:
// MIGRATE_DATABASE_URL if set), or to the embedded PGlite (PGLITE_DIR, else .data/pglite) when no URL is set.
import { parseArgs } from "node:util";
import { migrate } from "../lib/db/migrate";
import { openSql, ownerUrl } from "../lib/db/sql";
import { DEMO_PASSWORD, assertLocalDatabase, seed } from "./seed/index";

const USAGE = `Usage: npx tsx prisma/seed.ts [options]
  --work-orders N     work orders for tenant acme (default 1500)
  --extra-tenants N   add benchmark tenants bench-01… of the same size (default 0)
  --anchor DATE       history ends at this date (default: start of today, UTC)
  --force             allow a non-local database (or FETTLE_SEED_FORCE=1)
  --quiet             no progress bar`;

function int(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/[_,]/g, ""));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "work-orders": { type: "string" },
      "extra-tenants": { type: "string" },
      anchor: { type: "string" },
      force: { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = ownerUrl();
  assertLocalDatabase(url, values.force || process.env.FETTLE_SEED_FORCE === "1");
  const anchor = values.anchor ? new Date(values.anchor) : undefined;
  if (anchor && Number.isNaN(anchor.getTime())) throw new Error("--anchor must be a date (e.g. 2026-11-23)");

  const started = Date.now();
  const sql = await openSql(url);
  try {
    const applied = await migrate(sql, (line) => console.log(line));
    if (applied.length) console.log(`applied ${applied.length} migration(s)`);
    const summary = await seed(sql, {
      workOrders: int(values["work-orders"], "work-orders"),
      extraTenants: int(values["extra-tenants"], "extra-tenants"),
      anchor,
      progress: !values.quiet,
      log: (line) => console.log(line),
    });
    const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
    console.log(
      `Seeded ${sql.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"}: ${summary.tenants} tenants, ${summary.users} users, ` +
        `${summary.workOrders.toLocaleString("en-US")} work orders, ${rows.toLocaleString("en-US")} rows in ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
    console.log(`Sign in as admin@acme.test / ${DEMO_PASSWORD} (also tech@acme.test, viewer@acme.test, admin@globex.test, multi@fettle.test)`);
  } finally {
    await sql.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
