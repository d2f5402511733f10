#!/usr/bin/env node
// The end-to-end tests' server: `next start`, with everything it prints also kept in
// $TEST_RESULTS_DIR/server.log, so scripts/test.mjs can check afterwards that no secret, token or
// password a test used was ever logged.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = process.env.TEST_RESULTS_DIR ?? path.join(root, ".data/test-results");
fs.mkdirSync(results, { recursive: true });
const log = fs.createWriteStream(path.join(results, "server.log"), { flags: "a" });

const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", ...process.argv.slice(2)], {
  cwd: root,
  env: process.env,
  stdio: ["ignore", "pipe", "pipe"],
});
child.stdout.on("data", (chunk) => (process.stdout.write(chunk), log.write(chunk)));
child.stderr.on("data", (chunk) => (process.stderr.write(chunk), log.write(chunk)));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => log.end(() => process.exit(code ?? (signal ? 1 : 0))));
