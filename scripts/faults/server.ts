// The fault test's surroundings: a PostgreSQL database of its own (created, migrated, seeded, dropped), a
// `next start` of its own (port 3300–3399, build folder .next-faults), and the faults themselves — applied
// to that one database only, never to the machine's cluster, which other people share.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { migrate } from "../../lib/db/migrate";
import { openSql } from "../../lib/db/sql";
import { seed } from "../../prisma/seed/index";

export const ROOT = process.cwd();
export const OUT_DIR = path.join(ROOT, ".data", "faults");

const withDatabase = (url: string, name: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();

/** The fault test's database on the server of `serverUrl`, and the levers that take it away. */
export class FaultDatabase {
  readonly name = `fettle_faults_${Date.now().toString(36)}_${randomBytes(2).toString("hex")}`;
  readonly url: string;
  private readonly admin: pg.Client;

  constructor(serverUrl: string) {
    this.url = withDatabase(serverUrl, this.name);
    // The maintenance database: this connection survives everything done to the test's database.
    this.admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  }

  async create(log: (line: string) => void) {
    await this.admin.connect();
    await this.admin.query(`CREATE DATABASE "${this.name}"`);
    const sql = await openSql(this.url);
    try {
      await migrate(sql);
      const summary = await seed(sql);
      log(`database ${this.name}: ${summary.tenants} tenants, ${summary.workOrders} work orders`);
    } finally {
      await sql.close();
    }
  }

  /** pg_terminate_backend on every connection to this database: in-flight queries fail, the pool must heal. */
  async terminateBackends(): Promise<number> {
    const res = await this.admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [this.name]);
    return res.rowCount ?? 0;
  }

  /** The database goes away: no new connections, and every existing one is killed. */
  async block(): Promise<number> {
    await this.admin.query(`ALTER DATABASE "${this.name}" ALLOW_CONNECTIONS false`);
    return this.terminateBackends();
  }

  async unblock() {
    await this.admin.query(`ALTER DATABASE "${this.name}" ALLOW_CONNECTIONS true`);
  }

  /** Rows of `table` among `ids` (as the owner, outside the app and its row-level security). */
  async existing(table: "WorkOrder" | "Comment", ids: string[]): Promise<Set<string>> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      const res = await client.query<{ id: string }>(`SELECT id FROM "${table}" WHERE id = ANY($1::text[])`, [ids]);
      return new Set(res.rows.map((r) => r.id));
    } finally {
      await client.end();
    }
  }

  async titlesPresent(titles: string[]): Promise<number> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      const res = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "WorkOrder" WHERE title = ANY($1::text[])`, [titles]);
      return res.rows[0].n;
    } finally {
      await client.end();
    }
  }

  async drop() {
    await this.unblock().catch(() => {});
    await this.admin.query(`DROP DATABASE IF EXISTS "${this.name}" WITH (FORCE)`);
    await this.admin.end();
  }
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The first free port in 3300–3399 (the range set aside for fault runs), from `from`. */
export async function freePort(from = 3300): Promise<number> {
  for (let port = from; port <= 3399; port++) if (await portIsFree(port)) return port;
  throw new Error("faults: no free port in 3300–3399");
}

const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** prisma generate + next build into env.NEXT_DIST_DIR. */
export function build(env: NodeJS.ProcessEnv) {
  for (const [label, args] of [["prisma generate", [path.join(ROOT, "scripts", "generate.mjs")]], ["next build", [nextBin, "build"]]] as const) {
    const res = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: "inherit" });
    if (res.status !== 0) throw new Error(`${label} failed (exit ${res.status ?? res.signal})`);
  }
  return `built ${env.NEXT_DIST_DIR}`;
}

export class NextServer {
  private child: ChildProcess | undefined;
  readonly log: string;

  constructor(readonly port: number) {
    this.log = path.join(OUT_DIR, `next-${port}.log`);
  }

  get base() {
    return `http://127.0.0.1:${this.port}`;
  }

  get running() {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(env: NodeJS.ProcessEnv) {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const out = fs.openSync(this.log, "w");
    // Its own process group, so stopping it also stops anything `next start` spawned.
    this.child = spawn(process.execPath, [nextBin, "start", "-p", String(this.port), "-H", "127.0.0.1"], { cwd: ROOT, env, detached: true, stdio: ["ignore", out, out] });
    fs.closeSync(out);
    process.once("exit", () => this.kill("SIGKILL"));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (!this.running) throw new Error(`next start exited; see ${this.log}`);
      try {
        if ((await fetch(`${this.base}/api/ready`, { signal: AbortSignal.timeout(5_000) })).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`next start did not become ready in 90 s; see ${this.log}`);
  }

  private kill(signal: NodeJS.Signals) {
    if (!this.child?.pid || !this.running) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // already gone
    }
  }

  async stop() {
    if (!this.child || !this.running) return;
    const exited = new Promise((r) => this.child!.once("exit", r));
    this.kill("SIGTERM");
    const timer = setTimeout(() => this.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
