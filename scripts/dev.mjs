#!/usr/bin/env node
// `npm run dev`: zero-setup local run. Generates the Prisma client, migrates (and on first run seeds) the
// database — embedded PGlite in .data/ unless DATABASE_URL is set — then starts `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const run = (cmd, args, env = process.env) => {
  const res = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (res.status !== 0) process.exit(res.status ?? 1);
};

// A stable local signing secret for sessions, kept out of the repository.
fs.mkdirSync(path.join(root, ".data"), { recursive: true });
const secretFile = path.join(root, ".data/auth-secret");
if (!process.env.AUTH_SECRET && !fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString("base64url"));
const port = process.env.PORT || "3000";
const env = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET || fs.readFileSync(secretFile, "utf8").trim(),
  APP_URL: process.env.APP_URL || `http://localhost:${port}`,
};

run(process.execPath, [path.join(root, "scripts/generate.mjs")]);
// PGlite allows one process per data folder: migrate and seed finish (and close it) before Next starts.
run(bin("tsx"), [path.join(root, "scripts/db.ts"), "setup"], env);

console.log(`
  Fettle is starting on ${env.APP_URL}
  Database: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : "embedded PGlite in .data/pglite"}
  Sign in as admin@acme.test / fettle-demo  (also tech@acme.test, viewer@acme.test, admin@globex.test, multi@fettle.test)
`);
const child = spawn(bin("next"), ["dev", "--port", port], { cwd: root, stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
