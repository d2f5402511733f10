// Points this test file's app code (lib/db) at its own copy of the seeded template database.
import path from "node:path";
import { inject } from "vitest";
import { cloneTemplate } from "./db";

const copy = await cloneTemplate(inject("template"));
if (copy.url) process.env.DATABASE_URL = copy.url;
else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DIR = path.join(copy.dir!, "db");
}
