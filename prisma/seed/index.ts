// The deterministic demo seed (ARCHITECTURE.md §6): tenants acme and globex (+ bench-NN on request),
// their people and a year of maintenance history ending at `anchor`. Same anchor + options → the
// same rows, ids and codes. Re-runnable: the demo tenants and users are removed first.
import { hashPassword } from "../../lib/auth/password";
import type { Sql } from "../../lib/db/sql";
import { seedAssets, seedLocations, seedReadings } from "./assets";
import { seedAccess, seedAudit, seedCounters, tenantRow } from "./base";
import { removeDemoData } from "./cleanup";
import { TenantCtx } from "./context";
import { DAY, Writer, iso } from "./db";
import { Inventory } from "./inventory";
import { Plans } from "./plans";
import { Progress } from "./progress";
import { seedWorkOrders } from "./stream";
import { demoEmails, demoTenants, userId } from "./tenants";

export { assertLocalDatabase } from "./local";

export interface SeedOptions {
  /** work orders of tenant acme (default 1500); globex gets 30 % of that, at most 450 */
  workOrders?: number;
  /** extra tenants "bench-01"… with as many work orders as acme, for benchmarks (default 0) */
  extraTenants?: number;
  /** work orders of each extra tenant (default: as many as acme) */
  extraTenantWorkOrders?: number;
  /** history ends here (default: start of the current UTC day) */
  anchor?: Date;
  log?: (line: string) => void;
  /** progress bar on stderr for large seeds */
  progress?: boolean;
}

export interface SeedSummary {
  tenants: number;
  users: number;
  workOrders: number;
  /** rows inserted per table */
  counts: Record<string, number>;
}

export const DEMO_PASSWORD = "fettle-demo";
export const DEFAULT_WORK_ORDERS = 1500;
/** Fixed salt: the demo password hash (and so the User rows) is identical on every run. */
const DEMO_SALT = Buffer.from("fettle-demo-salt");

export function startOfUtcDay(at = new Date()): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

function count(value: number | undefined, fallback: number, name: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 0) throw new Error(`seed: ${name} must be a non-negative integer, got ${value}`);
  return n;
}

export async function seed(sql: Sql, opts: SeedOptions = {}): Promise<SeedSummary> {
  const workOrders = count(opts.workOrders, DEFAULT_WORK_ORDERS, "workOrders");
  const extraTenants = count(opts.extraTenants, 0, "extraTenants");
  if (extraTenants > 99) throw new Error("seed: at most 99 extra tenants");
  const anchor = (opts.anchor ?? startOfUtcDay()).getTime();
  if (!Number.isFinite(anchor)) throw new Error("seed: anchor is not a valid date");
  const log = opts.log ?? (() => {});
  const extraWorkOrders = count(opts.extraTenantWorkOrders, workOrders, "extraTenantWorkOrders");
  const tenants = demoTenants(workOrders, extraTenants, extraWorkOrders);
  const emails = demoEmails(tenants);

  const removed = await removeDemoData(sql, ["acme", "globex"], emails);
  if (removed.tenants || removed.users) {
    log(`removed ${removed.tenants} demo tenants and ${removed.users} demo users (${removed.method})`);
  }

  const big = workOrders >= 50_000;
  const w = new Writer(sql, big ? 10_000 : 5_000);
  const totalWorkOrders = tenants.reduce((s, t) => s + t.workOrders, 0);
  const progress = new Progress(totalWorkOrders, Boolean(opts.progress) && totalWorkOrders >= 20_000);
  // Per-row foreign-key triggers dominate bulk inserts; for benchmark-sized seeds on a superuser
  // connection they are switched off (the generator only writes ids it has written before).
  const [role] = await sql.query<{ su: boolean }>(`SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user`);
  const skipTriggers = big && Boolean(role?.su);
  // A seed is re-creatable, so waiting for the WAL flush on each commit buys nothing.
  const begin = () => {
    w.run("BEGIN");
    w.run("SET LOCAL synchronous_commit = off");
    if (skipTriggers) w.run("SET LOCAL session_replication_role = replica");
  };

  try {
    begin();
    const passwordHash = await hashPassword(DEMO_PASSWORD, DEMO_SALT);
    const people = new Map(tenants.flatMap((t) => t.people).map((p) => [p.email, p]));
    const userAt = iso(anchor - 395 * DAY);
    w.insert(
      "User",
      [...people.values()].map((p) => ({
        id: userId(p.email),
        email: p.email,
        name: p.name,
        passwordHash,
        locale: "en",
        active: true,
        createdAt: userAt,
        updatedAt: userAt,
      })),
    );
    w.run("COMMIT");
    await w.drain();

    for (const def of tenants) {
      const started = Date.now();
      const ctx = new TenantCtx(def, anchor, w);
      // Row-level security: rows are checked against the session's tenant even for the table owner.
      w.run(`SELECT set_config('app.tenant_id', $1, false)`, [ctx.id]);
      begin();
      w.insert("Tenant", [tenantRow(ctx)]);
      seedAccess(ctx);
      seedLocations(ctx);
      seedAssets(ctx);
      seedReadings(ctx, Math.max(1, Math.round(7 / Math.min(7, Math.max(1, def.workOrders / DEFAULT_WORK_ORDERS)))));
      const inventory = new Inventory(ctx);
      inventory.seedMaster();
      const plans = new Plans(ctx);
      plans.seed();
      let generated = 0;
      let committed = 0;
      const result = await seedWorkOrders(ctx, inventory, plans, {
        count: def.workOrders,
        chunk: big ? 2_000 : 1_000,
        onChunk: async (done) => {
          progress.add(done - generated);
          generated = done;
          if (done - committed >= 50_000) {
            committed = done;
            w.run("COMMIT");
            begin();
          }
          await w.throttle(24);
        },
      });
      seedCounters(ctx, result.workOrders, result.requests);
      seedAudit(ctx, result.last);
      // With triggers off, the KPI cost rollup (KpiCostDaily) saw none of the rows: compute it in one pass.
      if (skipTriggers) w.run(`SELECT kpi_cost_rebuild($1)`, [ctx.id]);
      w.run("COMMIT");
      await w.drain();
      log(`seeded ${def.slug}: ${result.workOrders} work orders, ${result.requests} requests (${((Date.now() - started) / 1000).toFixed(1)}s)`);
    }
    w.run(`SELECT set_config('app.tenant_id', '', false)`);
    await w.drain();
  } catch (e) {
    await w.drain().catch(() => {});
    await sql.query("ROLLBACK").catch(() => {});
    await sql.query(`SELECT set_config('app.tenant_id', '', false)`).catch(() => {});
    throw e;
  }

  const counts = Object.fromEntries(Object.entries(w.counts).sort(([a], [b]) => a.localeCompare(b)));
  return { tenants: counts.Tenant ?? 0, users: counts.User ?? 0, workOrders: counts.WorkOrder ?? 0, counts };
}
