// `npm run test:faults`: Fettle under a steady MCP load while its PostgreSQL database goes away, against a
// real `next start` (docs/operations.md). Two faults, on the test's own database only:
//   1. every backend terminated (pg_terminate_backend) — in-flight transactions die, the pool must heal;
//   2. an outage — ALLOW_CONNECTIONS false + every backend terminated, held OUTAGE_SECONDS, then reopened.
// It passes when every answer was a success, a 503 or a 429 (with Retry-After and the promised body), 503s
// only inside a fault window (injection → back + 10 s), every connection recovered within 10 s of the
// database coming back, and every write whose success was returned is in the database afterwards.
//   npm run test:faults                 CI size: ~40 s of load (12 connections + a flooding one + a refresh chain)
//   npm run test:faults -- --soak       30,000 MCP calls (--calls N), the same two faults part-way
//   options: --redis (REDIS_URL=redis://127.0.0.1:6379 for the app), --skip-build (reuse NEXT_DIST_DIR),
//            --port P (3300–3399)
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectClient, connectWorker, floodWorker, mcpWorker, refreshWorker, type Run, type WorkerSpec } from "./faults/load";
import { summarise, verify, type Fault } from "./faults/verify";
import { build, FaultDatabase, freePort, NextServer, OUT_DIR } from "./faults/server";

const OUTAGE_SECONDS = 5;
const RECOVERY_SECONDS = 10;

const { values: opts } = parseArgs({
  options: {
    soak: { type: "boolean", default: false },
    calls: { type: "string", default: "30000" },
    redis: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    port: { type: "string", default: "3300" },
  },
});
const soak = opts.soak;
const target = Number(opts.calls);
// Steady connections stay under their own rate limit (1.5 × their pace, in 10-second windows so the run
// crosses many window boundaries); the flooding connection (CI size only, so the soak's 30,000 calls are all
// real work) sends a burst of limit + FLOOD_EXTRA calls per window and must meet 429s, the others none.
const WORKERS = soak ? 16 : 12;
const RATE = soak ? 6 : 4;
const WINDOW_SECONDS = 10;
const PER_USER = Math.ceil(RATE * WINDOW_SECONDS * 1.5);
const FLOOD_EXTRA = 10;

const started = Date.now();
const say = (line: string) => console.log(`[faults +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  const serverUrl = process.env.FAULTS_DATABASE_URL || process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const db = new FaultDatabase(serverUrl);
  const server = new NextServer(await freePort(Number(opts.port)));
  try {
    await db.create(say);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next-faults",
      DATABASE_URL: db.url,
      APP_URL: server.base,
      AUTH_URL: server.base,
      AUTH_TRUST_HOST: "true",
      AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"),
      PORT: String(server.port),
      MCP_RATE_LIMIT_PER_USER: String(PER_USER),
      MCP_RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS),
      // The tenant limit stays on (both counters are bumped on every call) but out of the steady load's way.
      MCP_RATE_LIMIT_PER_TENANT: "1000000",
    };
    delete env.MIGRATE_DATABASE_URL;
    delete env.NEXTAUTH_URL;
    if (opts.redis) env.REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
    else delete env.REDIS_URL;
    say(opts["skip-build"] && fs.existsSync(path.join(env.NEXT_DIST_DIR!, "BUILD_ID")) ? `reusing ${env.NEXT_DIST_DIR}` : build(env));
    await server.start(env);
    say(`next start on ${server.base} (rate-limit counters in ${opts.redis ? "Redis" : "PostgreSQL"})`);

    // Fixtures through lib/data against the test database, tokens from the running server.
    process.env.DATABASE_URL = db.url;
    process.env.APP_URL = server.base;
    const specs: WorkerSpec[] = [];
    for (let i = 0; i < WORKERS; i++) {
      const slug = i % 2 ? "globex" : "acme";
      const grant = await connectWorker(db.url, server.base, slug, `faults-${i}`);
      specs.push({ name: `w${i}-${slug}`, grant, era: i % 4 < 2 ? "2025" : "2026", rate: RATE });
    }
    const flood = soak ? null : await connectWorker(db.url, server.base, "acme", "faults-flood");
    const chain = await connectWorker(db.url, server.base, "acme", "faults-refresh");
    say(`${WORKERS} MCP connections at ${RATE}/s${soak ? "" : ` + 1 flooding (${PER_USER + FLOOD_EXTRA} calls per window)`} + a refresh chain; per-user limit ${PER_USER} per ${WINDOW_SECONDS} s`);

    const clients = await Promise.all(specs.map((s) => connectClient(server.base, s)));

    let stop = false;
    const run: Run = { base: server.base, t0: Date.now(), records: [], written: { workOrders: [], comments: [], unknownTitles: [] }, stopped: () => stop };
    const now = () => Date.now() - run.t0;
    const mcpCalls = () => run.records.filter((r) => r.kind === "mcp").length;
    const workers = clients.map((c) => mcpWorker(run, c));
    if (flood) workers.push(floodWorker(run, flood.access, PER_USER + FLOOD_EXTRA, WINDOW_SECONDS));
    const refresher = refreshWorker(run, chain, 500);
    const until = async (cond: () => boolean) => {
      while (!cond()) await sleep(100);
    };

    const faults: Fault[] = [];
    await until(soak ? () => mcpCalls() >= target * 0.4 : () => now() >= 8_000);
    const terminatedAt = now(); // before the kill: answers to it can arrive before the call returns
    const killed = await db.terminateBackends();
    faults.push({ kind: "terminate", injectedAt: terminatedAt, backAt: terminatedAt, killed });
    say(`fault 1: terminated ${killed} backends at ${(now() / 1000).toFixed(1)}s (${mcpCalls()} calls so far)`);

    // More than the recovery window later, so each fault's recovery is measured on its own.
    await until(soak ? () => mcpCalls() >= target * 0.55 : () => now() >= 8_000 + (RECOVERY_SECONDS + 2) * 1000);
    const injectedAt = now();
    const blocked = await db.block();
    say(`fault 2: database closed, ${blocked} backends terminated at ${(injectedAt / 1000).toFixed(1)}s`);
    await sleep(OUTAGE_SECONDS * 1000);
    await db.unblock();
    faults.push({ kind: "outage", injectedAt, backAt: now(), killed: blocked });
    say(`fault 2: database open again at ${(now() / 1000).toFixed(1)}s`);

    await until(soak ? () => mcpCalls() >= target : () => now() >= faults[1].backAt + RECOVERY_SECONDS * 1000 + 5_000);
    stop = true;
    await Promise.all(workers);
    const lastRefresh = await refresher;
    const duration = now();
    say(`load stopped: ${mcpCalls()} MCP calls and ${run.records.length - mcpCalls()} refreshes in ${(duration / 1000).toFixed(1)}s`);

    // Afterwards: the server still serves, the refresh chain is intact, the acknowledged writes exist.
    const ready = (await fetch(`${server.base}/api/ready`)).status;
    const rotated = await fetch(`${server.base}/api/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: lastRefresh, client_id: chain.clientId }),
    });
    const woIds = run.written.workOrders.map((w) => w.id);
    const presentWorkOrders = await db.existing("WorkOrder", woIds);
    const presentComments = await db.existing("Comment", run.written.comments);
    const unknownCommitted = await db.titlesPresent(run.written.unknownTitles);

    const result = verify(run, faults, {
      recoverySeconds: RECOVERY_SECONDS,
      serverAlive: server.running,
      readyStatus: ready,
      refreshAfter: rotated.status,
      missingWorkOrders: woIds.filter((id) => !presentWorkOrders.has(id)),
      missingComments: run.written.comments.filter((id) => !presentComments.has(id)),
      expectLimited: !soak,
    });
    const summary = summarise(run, faults, duration, {
      soak, redis: opts.redis, connections: WORKERS, rate_per_connection: RATE, flood_burst: soak ? 0 : PER_USER + FLOOD_EXTRA,
      per_user_limit: `${PER_USER} per ${WINDOW_SECONDS} s`, unknown_creations_committed: unknownCommitted, recovery: result.recovery,
    });
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const file = path.join(OUT_DIR, `${soak ? "soak" : "ci"}${opts.redis ? "-redis" : ""}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...summary, failures: result.failures }, null, 2));
    fs.writeFileSync(file.replace(/\.json$/, "-calls.jsonl"), run.records.map((r) => JSON.stringify(r)).join("\n"));
    console.log(JSON.stringify(summary, null, 2));
    say(`wrote ${path.relative(process.cwd(), file)}`);
    if (result.failures.length) {
      console.error(`\nFAULT TEST FAILED (${result.failures.length}):\n- ${result.failures.join("\n- ")}\nserver log: ${server.log}`);
      return 1;
    }
    say("fault test passed");
    return 0;
  } finally {
    await server.stop();
    await db.drop().catch((e) => console.error(`could not drop ${db.name}: ${(e as Error).message}`));
    const client = (globalThis as { fettleDb?: Promise<{ $disconnect(): Promise<void> }> }).fettleDb;
    if (client) await (await client).$disconnect().catch(() => {});
  }
}

main()
  .then((code) => process.exit(code))
  .catch((e: unknown) => {
    console.error(`fault test could not run: ${e instanceof Error ? (e.stack ?? e.message) : e}`);
    process.exit(1);
  });
