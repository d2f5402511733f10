// EXPLAIN (ANALYZE, BUFFERS) of the statements behind one MCP search_work_orders call, as the app sends
// them (copied from a PostgreSQL statement log of the running app) and as the app runs them: as the
// fettle_app role, with the tenant (or the token hash) set, so row-level security is in the plan.
// The bench writes the output to bench/results/explain.txt; docs/performance.md quotes it.
import type { Sql } from "@/lib/db/sql";

const W = `"public"."WorkOrder"`;
const STATUS_IN = `${W}."status" IN (CAST('open'::text AS "public"."WorkOrderStatus"),CAST('in_progress'::text AS "public"."WorkOrderStatus"))`;

/** The page with its relations in one statement (Prisma relationJoins), as logged. */
const page = (tenantId: string) => `SELECT "t0"."id", "t0"."code", "t0"."title", "t0"."type"::text, "t0"."priority", "t0"."status"::text, "t0"."number", "t0"."dueAt", "t0"."startedAt", "t0"."completedAt", "t0"."createdAt", "t0"."updatedAt", "t0"."assetId", "WorkOrder_asset"."__prisma_data__" AS "asset", "t0"."locationId", "WorkOrder_location"."__prisma_data__" AS "location", "WorkOrder_assignees"."__prisma_data__" AS "assignees" FROM "public"."WorkOrder" AS "t0" LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('id', "t1"."id", 'code', "t1"."code", 'name', "t1"."name") AS "__prisma_data__" FROM "public"."Asset" AS "t1" WHERE "t0"."assetId" = "t1"."id" LIMIT 1) AS "WorkOrder_asset" ON true LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('id', "t2"."id", 'code', "t2"."code", 'name', "t2"."name") AS "__prisma_data__" FROM "public"."Location" AS "t2" WHERE "t0"."locationId" = "t2"."id" LIMIT 1) AS "WorkOrder_location" ON true LEFT JOIN LATERAL (SELECT COALESCE(JSONB_AGG("__prisma_data__"), '[]') AS "__prisma_data__" FROM (SELECT "t5"."__prisma_data__" FROM (SELECT JSONB_BUILD_OBJECT('userId', "t4"."userId", 'user', "WorkOrderAssignee_user"."__prisma_data__") AS "__prisma_data__", "t4"."createdAt", "t4"."userId" FROM (SELECT "t3".* FROM "public"."WorkOrderAssignee" AS "t3" WHERE "t0"."id" = "t3"."workOrderId") AS "t4" LEFT JOIN LATERAL (SELECT JSONB_BUILD_OBJECT('id', "t7"."id", 'name', "t7"."name") AS "__prisma_data__" FROM "public"."User" AS "t7" WHERE "t4"."userId" = "t7"."id" LIMIT 1) AS "WorkOrderAssignee_user" ON true) AS "t5" ORDER BY "t5"."createdAt" ASC) AS "t6") AS "WorkOrder_assignees" ON true WHERE ("t0"."tenantId" = '${tenantId}' AND "t0"."status" IN (CAST('open'::text AS "public"."WorkOrderStatus"),CAST('in_progress'::text AS "public"."WorkOrderStatus"))) ORDER BY "t0"."number" DESC LIMIT 26`;

interface Statement {
  text: string;
  /** what app.lookup / app.tenant_id hold when the app runs it */
  scope: "lookup" | "tenant";
}

const statements = (tenantId: string, tokenHash: string): Record<string, Statement> => {
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  return {
    "token check, one statement (app_access_token; lib/data/oauth-access.ts)": { scope: "lookup", text: `SELECT * FROM app_access_token(${lit(tokenHash)})` },
    "  inside it: the token by hash": { scope: "lookup", text: `SELECT * FROM "AccessToken" a WHERE a."tokenHash" = ${lit(tokenHash)}` },
    "count of matches (withTotal)": {
      scope: "tenant",
      text: `SELECT COUNT(*) AS "_count$_all" FROM (SELECT ${W}."id" FROM ${W} WHERE (${W}."tenantId" = ${lit(tenantId)} AND ${STATUS_IN}) OFFSET 0) AS "sub"`,
    },
    "the page, newest first, with asset, location and assignees (take 26)": { scope: "tenant", text: page(tenantId.replace(/'/g, "''")) },
  };
};

export interface Explained {
  name: string;
  execution_ms: number;
  plan: string[];
}

export async function explainList(sql: Sql, tenantSlug: string, tokenHash: string): Promise<Explained[]> {
  const [tenant] = await sql.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [tenantSlug]);
  const out: Explained[] = [];
  for (const [name, { text, scope }] of Object.entries(statements(tenant.id, tokenHash))) {
    await sql.query("BEGIN");
    try {
      await sql.query("SET LOCAL ROLE fettle_app");
      await sql.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.lookup', $2, true)`, scope === "tenant" ? [tenant.id, ""] : ["", tokenHash]);
      await sql.query(text); // once unmeasured, as the warm cache of a running app
      const rows = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`);
      const plan = rows.map((r) => r["QUERY PLAN"]);
      const time = /Execution Time: ([\d.]+) ms/.exec(plan.join("\n"));
      out.push({ name, execution_ms: time ? Number(time[1]) : NaN, plan });
    } finally {
      await sql.query("ROLLBACK");
    }
  }
  return out;
}

export const formatExplained = (list: Explained[]) => list.map((e) => `## ${e.name} — ${e.execution_ms} ms\n${e.plan.join("\n")}\n`).join("\n");
