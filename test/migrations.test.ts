// schema.prisma and prisma/migrations must describe the same database: Prisma's own differ (WebAssembly
// engine, replaying the migrations into an in-memory PGlite) must find nothing to change.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

it("migrations match schema.prisma (no drift)", () => {
  const res = spawnSync(process.execPath, [path.resolve("scripts/prisma6.mjs"), "diff", "--exit-code"], {
    encoding: "utf8",
    timeout: 120_000,
  });
  // exit 0: in sync; 2: the schema has changes no migration contains (the SQL is printed).
  expect(res.stdout + res.stderr).not.toMatch(/Error/);
  expect(res.status, `schema drift — add a migration:\n${res.stdout}`).toBe(0);
});
