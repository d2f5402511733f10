import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed/index";
import { createEmptyDatabase, dropRunDatabases, newRunId } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    template: { url?: string; dir?: string };
  }
}

export default async function setup(project: TestProject) {
  process.env.FETTLE_TEST_RUN = newRunId();
  const template = await createEmptyDatabase("fettle_tpl");
  const sql = await template.open();
  try {
    await migrate(sql);
    await seed(sql);
  } finally {
    await sql.close();
  }
  project.provide("template", { url: template.url, dir: template.dir });
  // Teardown: the template, every file's copy and every database a test made itself.
  return async () => {
    await dropRunDatabases(process.env.FETTLE_TEST_RUN!);
  };
}
