// `npm run bench`: Fettle against the limit and a peer, at scale, in one run. See docs/performance.md.
//   npm run bench -- [--quick] [--work-orders N] [--extra-tenants M] [--extra-work-orders K]
//                    [--skip-seed] [--skip-build] [--seconds S] [--port P]
// Starts everything it needs and stops it again (also on errors and Ctrl-C): a seeded PostgreSQL database
// of its own (BENCH_DATABASE_URL, default fettle_bench on 127.0.0.1), `next start`, the limit server and
// the peer server. Writes bench/results/latest.json.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "../prisma/seed/index";
import { openSql } from "../lib/db/sql";
import { formatExplained } from "./explain";
import { DEFAULT_BENCH_URL, describeDatabase, migrateAndSeed, postgresInfo, recreateDatabase, withSql } from "./database";
import { measureAll } from "./measure";
import { freePort, killAll, ROOT, rssSampler, runStep, start, waitHealthy } from "./processes";
import { loadSampler, machine, printTable, summarise, writeResults } from "./report";

const USAGE = `Usage: npm run bench -- [options]
  --work-orders N        work orders of tenant acme (default 1,000,000; --quick 20,000)
  --extra-tenants M      other tenants bench-01… (default 10; --quick 2)
  --extra-work-orders K  work orders of each other tenant (default 250,000; --quick 5,000). Not 1,000,000:
                         on a 2-core machine seeding 10 more 1M tenants alone takes ~50 minutes
                         (docs/performance.md, "Scale")
  --skip-seed            reuse the bench database as it is
  --skip-build           reuse the last \`next build\` (.next, or NEXT_DIST_DIR) if there is one
  --seconds S            length of each throughput cell (default 10; --quick 3)
  --port P               first port to try for next start (default 3200)
  --quick                small scale and short cells: a smoke run, not figures to quote`;

const int = (v: string | undefined, fallback: number, name: string) => {
  if (v === undefined) return fallback;
  const n = Number(v.replace(/[_,]/g, ""));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
};

function options() {
  const { values } = parseArgs({
    options: {
      "work-orders": { type: "string" },
      "extra-tenants": { type: "string" },
      "extra-work-orders": { type: "string" },
      "skip-seed": { type: "boolean", default: false },
      "skip-build": { type: "boolean", default: false },
      seconds: { type: "string" },
      port: { type: "string" },
      quick: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick;
  const scaled = ["work-orders", "extra-tenants", "extra-work-orders", "seconds"].some((k) => values[k as keyof typeof values] !== undefined);
  return {
    mode: (scaled ? "custom" : quick ? "quick" : "full") as "full" | "quick" | "custom",
    quick,
    workOrders: int(values["work-orders"], quick ? 20_000 : 1_000_000, "work-orders"),
    extraTenants: int(values["extra-tenants"], quick ? 2 : 10, "extra-tenants"),
    extraWorkOrders: int(values["extra-work-orders"], quick ? 5_000 : 250_000, "extra-work-orders"),
    skipSeed: values["skip-seed"],
    skipBuild: values["skip-build"],
    seconds: int(values.seconds, quick ? 3 : 10, "seconds"),
    port: int(values.port, 3200, "port"),
  };
}

const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)}s`;

async function main() {
  const opts = options();
  const began = Date.now();
  const dbUrl = process.env.BENCH_DATABASE_URL || DEFAULT_BENCH_URL;
  const step = (text: string) => console.log(`\n[bench +${elapsed(began)}] ${text}`);
  const notes: string[] = [];
  const loadAtStart = os.loadavg();
  if (loadAtStart[0] > os.cpus().length) {
    notes.push(`load average ${loadAtStart[0].toFixed(1)} on ${os.cpus().length} cores at the start: other work competed for the CPU`);
  }

  // 1. The database.
  let seedSeconds: number | null = null;
  if (opts.skipSeed) {
    step(`reusing the bench database ${new URL(dbUrl).pathname.slice(1)} (--skip-seed)`);
  } else {
    step(`seeding ${new URL(dbUrl).pathname.slice(1)}: acme ${opts.workOrders.toLocaleString("en-US")} work orders + ${opts.extraTenants} tenants × ${opts.extraWorkOrders.toLocaleString("en-US")}`);
    const t = Date.now();
    await recreateDatabase(dbUrl);
    await migrateAndSeed(dbUrl, opts, (line) => console.log(`  ${line}`));
    seedSeconds = Math.round((Date.now() - t) / 1000);
  }
  const { db: dbInfo, pg } = await withSql(dbUrl, async (sql) => ({ db: await describeDatabase(sql), pg: await postgresInfo(sql) }));
  const acme = dbInfo.tenants.find((t) => t.slug === "acme");
  if (!acme || !dbInfo.tenants.some((t) => t.slug === "globex")) throw new Error("bench: the bench database has no acme/globex; run without --skip-seed");
  console.log(`  ${dbInfo.tenants.length} tenants, acme ${acme.work_orders.toLocaleString("en-US")} work orders, ${(dbInfo.bytes / 1024 ** 3).toFixed(2)} GB`);

  // 2. Build and start Fettle.
  const port = await freePort(opts.port);
  const base = `http://127.0.0.1:${port}`;
  const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: dbUrl,
    APP_URL: base,
    AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
    AUTH_URL: base,
    // The cells drive one connection far past the MCP limits (120 a minute per user and consumer): keep
    // the limiter on, so its counter update is part of every measured call, but out of reach.
    MCP_RATE_LIMIT_PER_USER: process.env.MCP_RATE_LIMIT_PER_USER || "100000000",
    MCP_RATE_LIMIT_PER_TENANT: process.env.MCP_RATE_LIMIT_PER_TENANT || "100000000",
  };
  delete env.NEXTAUTH_URL;
  delete env.MIGRATE_DATABASE_URL;
  if (opts.skipBuild && fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    step(`reusing the build in ${distDir} (--skip-build)`);
  } else {
    step(`next build (${distDir})`);
    runStep("next build", process.execPath, [nextBin, "build"], env);
  }
  step(`next start on ${base}`);
  const next = start("next", process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { ...env, PORT: String(port) });
  const rss = rssSampler(next.child.pid!);
  await waitHealthy(`${base}/api/health`, next);
  const rssAtStart = rss.now();

  // The limit and the peer, on the same database with the same pool size.
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  const limitPort = await freePort(port + 1, [port]);
  const peerPort = await freePort(limitPort + 1, [port, limitPort]);
  const limit = start("limit", tsx, [path.join("bench", "limit-server.ts")], { ...env, PORT: String(limitPort) });
  const peer = start("peer", tsx, ["--conditions=react-server", path.join("bench", "peer-server.ts")], { ...env, PORT: String(peerPort) });
  await Promise.all([waitHealthy(`http://127.0.0.1:${limitPort}/health`, limit), waitHealthy(`http://127.0.0.1:${peerPort}/health`, peer)]);

  // 3–4. Tokens and measurements, in this process against the bench database.
  process.env.DATABASE_URL = dbUrl;
  process.env.APP_URL = base;
  const sql = await openSql(dbUrl);
  const load = loadSampler();
  let measured;
  try {
    measured = await measureAll({
      sql,
      base,
      urls: { fettle: `${base}/api/mcp`, limit: `http://127.0.0.1:${limitPort}/`, peer: `http://127.0.0.1:${peerPort}/` },
      seconds: opts.seconds,
      quick: opts.quick,
      password: DEMO_PASSWORD,
      step,
      notes,
    });
  } finally {
    await sql.close();
  }
  const peak = rss.stop();
  const loadDuring = load.stop();
  if (loadDuring && loadDuring.mean > os.cpus().length) {
    notes.push(`load average ${loadDuring.mean} (${loadDuring.min}–${loadDuring.max}) on ${os.cpus().length} cores during the measurements: the three servers, PostgreSQL and the load generator share them, and so did other work`);
  }
  await Promise.all([next.stop(), limit.stop(), peer.stop()]);

  // 5. Report.
  const results = summarise({
    mode: opts.mode,
    date: new Date().toISOString(),
    note: opts.mode === "full" ? undefined : `${opts.mode} run: smaller data and shorter cells than the full benchmark; not figures to quote`,
    duration_s: Math.round((Date.now() - began) / 1000),
    machine: { ...machine(pg, loadAtStart), load_average_during_measurements: loadDuring },
    database: {
      name: new URL(dbUrl).pathname.slice(1),
      // With --skip-seed the database holds whatever an earlier run seeded: the counts below say what.
      seed: opts.skipSeed
        ? { seeded: false }
        : { seeded: true, workOrders: opts.workOrders, extraTenants: opts.extraTenants, extraWorkOrders: opts.extraWorkOrders, seconds: seedSeconds },
      size_gb: Math.round((dbInfo.bytes / 1024 ** 3) * 100) / 100,
      tenants: dbInfo.tenants.length,
      work_orders: dbInfo.tenants.reduce((s, t) => s + t.work_orders, 0),
      acme_work_orders: acme.work_orders,
      globex_work_orders: dbInfo.tenants.find((t) => t.slug === "globex")?.work_orders,
    },
    ...measured,
    explain: measured.explain.map((e) => ({ name: e.name, execution_ms: e.execution_ms })),
    rss_mb: peak.processMb,
    rss_tree_mb: peak.treeMb,
    rss_start_mb: rssAtStart,
    notes,
  });
  printTable(results);
  const file = writeResults(results);
  fs.writeFileSync(path.join(path.dirname(file), "explain.txt"), `# ${results.date}, ${results.mode} run, acme ${acme.work_orders} work orders\n\n${formatExplained(measured.explain)}`);
  console.log(`\nwrote ${path.relative(ROOT, file)} and explain.txt in ${elapsed(began)}`);
}

main()
  .catch((e: unknown) => {
    console.error(`\nbench failed: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    killAll();
    // lib/data's Prisma client (used for the fixtures) holds a pool open; close it if it was ever created.
    const client = (globalThis as { fettleDb?: Promise<{ $disconnect(): Promise<void> }> }).fettleDb;
    if (client) await (await client).$disconnect().catch(() => {});
  });
