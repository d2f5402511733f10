import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/db/migrate";
import { seed } from "@/prisma/seed/index";
import { createEmptyDatabase, removeRunDatabases } from "./db";

declare module "vitest" {
  export interface ProvidedContext {
    template: { url?: string; dir?: string };
  }
}

export default async function setup(project: TestProject) {
  const template = await createEmptyDatabase("fettle_tpl");
  const sql = await template.open();
  try {
    await migrate(sql);
    await seed(sql);
  } finally {
    await sql.close();
  }
  project.provide("template", { url: template.url, dir: template.dir });
  return removeRunDatabases;
}
