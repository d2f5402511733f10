// EXPLAIN (ANALYZE, BUFFERS) of the statements behind one MCP search_work_orders call, as Prisma sends
// them (copied from a PostgreSQL statement log of the running app) and as the app runs them: as the
// fettle_app role, inside a transaction with the tenant set, so row-level security is in the plan.
// The bench writes the output to bench/results/explain.txt; docs/performance.md quotes it.
import type { Sql } from "@/lib/db/sql";

const W = `"public"."WorkOrder"`;
const STATUS_IN = `${W}."status" IN (CAST('open'::text AS "public"."WorkOrderStatus"),CAST('in_progress'::text AS "public"."WorkOrderStatus"))`;

const statements = (tenantId: string, ids: string[], tokenHash: string) => {
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const list = ids.map(lit).join(",") || "''";
  return {
    "token lookup (lib/data/oauth-access.ts findAccessToken)": `SELECT "public"."AccessToken"."id", "public"."AccessToken"."tenantId", "public"."AccessToken"."scopes", "public"."AccessToken"."expiresAt", "public"."AccessToken"."revokedAt" FROM "public"."AccessToken" WHERE ("public"."AccessToken"."tokenHash" = ${lit(tokenHash)} AND 1=1) LIMIT 1 OFFSET 0`,
    "count of matches (withTotal)": `SELECT COUNT(*) AS "_count$_all" FROM (SELECT ${W}."id" FROM ${W} WHERE (${W}."tenantId" = ${lit(tenantId)} AND ${STATUS_IN}) OFFSET 0) AS "sub"`,
    "the page, newest first (take 26)": `SELECT ${W}."id", ${W}."code", ${W}."title", ${W}."type"::text, ${W}."priority", ${W}."status"::text, ${W}."number", ${W}."dueAt", ${W}."assetId", ${W}."locationId" FROM ${W} WHERE (${W}."tenantId" = ${lit(tenantId)} AND ${STATUS_IN}) ORDER BY ${W}."number" DESC LIMIT 26 OFFSET 0`,
    "assignees of the page": `SELECT "public"."WorkOrderAssignee"."workOrderId", "public"."WorkOrderAssignee"."userId" FROM "public"."WorkOrderAssignee" WHERE "public"."WorkOrderAssignee"."workOrderId" IN (${list}) ORDER BY "public"."WorkOrderAssignee"."createdAt" ASC OFFSET 0`,
  };
};

export interface Explained {
  name: string;
  execution_ms: number;
  plan: string[];
}

export async function explainList(sql: Sql, tenantSlug: string, tokenHash: string): Promise<Explained[]> {
  const [tenant] = await sql.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [tenantSlug]);
  const ids = await sql.query<{ id: string }>(
    `SELECT id FROM "WorkOrder" WHERE "tenantId" = $1 AND status IN ('open', 'in_progress') ORDER BY number DESC LIMIT 26`,
    [tenant.id],
  );
  const out: Explained[] = [];
  for (const [name, text] of Object.entries(statements(tenant.id, ids.map((r) => r.id), tokenHash))) {
    await sql.query("BEGIN");
    try {
      await sql.query("SET LOCAL ROLE fettle_app");
      await sql.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.lookup', $2, true)`, [tenant.id, tokenHash]);
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
