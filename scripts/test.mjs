#!/usr/bin/env node
// `npm test`: the whole suite. Integration tests (vitest) against PostgreSQL when DATABASE_URL is set,
// else embedded PGlite; then end-to-end tests (Playwright, Debian's Chromium) against `next build` +
// `next start` on a freshly migrated and seeded database; then, on PostgreSQL, the fault test
// (scripts/test-faults.ts, about a minute on the same build; --no-faults skips it). Installs nothing: says
// what is missing.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkServerLog } from "./check-server-log.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Set(process.argv.slice(2));
// Separate result folders per port, so parallel runs (E2E_PORT + NEXT_DIST_DIR) don't mix.
const results = path.join(root, `.data/test-results${process.env.E2E_PORT ? `-${process.env.E2E_PORT}` : ""}`);
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

function run(label, cmd, cmdArgs, env = process.env) {
  console.log(`\n▶ ${label}`);
  const res = spawnSync(cmd, cmdArgs, { cwd: root, stdio: "inherit", env });
  return res.status ?? 1;
}
const node = (script, scriptArgs, env) => [process.execPath, [path.join(root, script), ...scriptArgs], env];

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(`Chromium not found at ${chromium}. Install Debian's build (sudo apt-get install -y chromium)
or point CHROMIUM_PATH at a Chromium/Chrome binary, then run npm test again.`);
  process.exit(1);
}

let failed = false;
if (run("prisma generate", ...node("scripts/generate.mjs", []))) process.exit(1);

if (!args.has("--e2e-only")) {
  const status = run(
    "integration tests (vitest)",
    ...node("node_modules/vitest/vitest.mjs", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}/vitest.json`]),
  );
  failed ||= status !== 0;
}

// A database of its own for the end-to-end run.
const env = { ...process.env, TEST_RESULTS_DIR: results, AUTH_SECRET: process.env.AUTH_SECRET || randomBytes(32).toString("base64url"), CHROMIUM_PATH: chromium };
let e2eDatabase = null;
async function adminQuery(sql) {
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
if (process.env.DATABASE_URL) {
  const name = `fettle_e2e_${Date.now().toString(36)}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  e2eDatabase = name;
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  env.PGLITE_DIR = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fettle-e2e-")), "db");
}

if (run("migrate + seed the end-to-end database", path.join(root, "node_modules/.bin/tsx"), [path.join(root, "scripts/db.ts"), "setup"], env)) {
  process.exit(1);
}
if (!args.has("--no-build") && run("next build", path.join(root, "node_modules/.bin/next"), ["build"], env)) process.exit(1);
// Run even when the integration tests failed (`failed ||= run(…)` would skip it).
const e2eStatus = run("end-to-end tests (Playwright + Chromium)", path.join(root, "node_modules/.bin/playwright"), ["test"], env);
failed ||= e2eStatus !== 0;

console.log("\n▶ server log holds no secret");
// The demo password every sign-in test types (prisma/seed/index.ts, DEMO_PASSWORD).
const logCheck = checkServerLog(results, [env.AUTH_SECRET, "fettle-demo"]);
console.log(`  ${logCheck.ok ? "✓" : "✘"} ${logCheck.message}`);
failed ||= !logCheck.ok;

// The MCP endpoint against the protocol's own conformance suite and Inspector CLI (Node 22 tools that
// `.ci/run` installs beforehand; npm test installs nothing, so without them this step is skipped).
let conformance = { passed: 0, failed: 0, skipped: 0 };
if (fs.existsSync(path.join(root, ".data/mcp-tools/node_modules"))) {
  const report = path.join(results, "mcp-conformance.json");
  const port = String(Number(process.env.E2E_PORT ?? 3100) + 1);
  const status = run("MCP conformance + Inspector --strict", ...node("scripts/mcp-conformance.mjs", ["--no-build", "--no-install", "--port", port, "--json", report], env));
  try {
    conformance = { ...JSON.parse(fs.readFileSync(report, "utf8")), skipped: 0 };
  } catch {
    conformance.failed = 1;
  }
  failed ||= status !== 0;
} else {
  console.log("\n▶ MCP conformance: skipped (install the tools once: npm run test:mcp-conformance -- --install-only)");
  conformance.skipped = 1;
}

// The end-to-end database is this run's alone (its server has stopped), unless asked to keep it.
if (!process.env.KEEP_TEST_DB) {
  if (e2eDatabase) await adminQuery(`DROP DATABASE IF EXISTS "${e2eDatabase}" WITH (FORCE)`).catch((e) => console.error(`could not drop ${e2eDatabase}: ${e.message}`));
  else fs.rmSync(path.dirname(env.PGLITE_DIR), { recursive: true, force: true });
}

// The fault test needs PostgreSQL (it cuts a database off); it reuses the build above.
let faults = null;
if (process.env.DATABASE_URL && !args.has("--e2e-only") && !args.has("--no-faults")) {
  const e2ePort = Number(process.env.E2E_PORT);
  const port = e2ePort >= 3300 && e2ePort <= 3399 ? e2ePort : 3300;
  const faultEnv = { ...process.env, NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next", AUTH_SECRET: env.AUTH_SECRET };
  const tsx = path.join(root, "node_modules/.bin/tsx");
  faults = run("fault test (PostgreSQL cut off under MCP load)", tsx, ["--conditions=react-server", path.join(root, "scripts/test-faults.ts"), "--skip-build", "--port", String(port)], faultEnv) === 0;
  failed ||= !faults;
}

// One closing line for the whole run, counted from both runners' JSON reports.
let passed = 0;
let failedCount = 0;
let skipped = 0;
try {
  const v = JSON.parse(fs.readFileSync(path.join(results, "vitest.json"), "utf8"));
  passed += v.numPassedTests;
  failedCount += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
} catch {}
try {
  const p = JSON.parse(fs.readFileSync(path.join(results, "playwright.json"), "utf8"));
  passed += p.stats.expected + p.stats.flaky;
  failedCount += p.stats.unexpected;
  skipped += p.stats.skipped;
} catch {}
passed += conformance.passed;
failedCount += conformance.failed;
skipped += conformance.skipped;
if (logCheck.ok) passed += 1;
else failedCount += 1;
// The fault test is one test.
if (faults === true) passed += 1;
if (faults === false) failedCount += 1;
if (failed && failedCount === 0) failedCount = 1;
console.log(`\n${passed} passed, ${failedCount} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
