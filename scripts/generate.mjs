#!/usr/bin/env node
// Generates the Prisma client into lib/generated/prisma. Prisma 7's generate never runs the schema engine
// but checks it exists and would download it; point it at a stand-in so it works offline.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const res = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(root, "scripts/no-schema-engine.sh"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (res.status !== 0) {
  console.error("prisma generate failed");
  process.exit(res.status ?? 1);
}
