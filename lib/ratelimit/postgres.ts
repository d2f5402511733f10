import "server-only";
// Rate-limit counters in PostgreSQL: ONE statement per check, outside any transaction (autocommit), so a
// call pays one round trip and holds the counter rows' locks only for that statement. A chain of
// data-modifying CTEs bumps the counters in order; each one runs only while the previous count is within
// its limit. "RateLimit" is UNLOGGED (migration 20261205000000): counters need no crash safety, and
// skipping the WAL flush keeps a tenant's hot counter row from serialising its calls on fsync.
// The table has no row-level security (it holds no tenant data), so no tenant context is needed.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import type { Counter, CounterStore } from "./index";

function upsert(c: Counter, previous: { cte: string; limit: number } | null): Prisma.Sql {
  const row = Prisma.sql`SELECT ${c.key}::text, ${c.windowStart}::timestamp(3), 1`;
  const guarded = previous ? Prisma.sql`${row} WHERE (SELECT "count" FROM ${Prisma.raw(previous.cte)}) <= ${previous.limit}::int` : row;
  return Prisma.sql`INSERT INTO "RateLimit" AS r ("key", "windowStart", "count") ${guarded}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN r."windowStart" = EXCLUDED."windowStart" THEN r."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
}

export const postgresStore: CounterStore = {
  name: "postgres",
  async countInOrder(counters) {
    if (counters.length === 0) return [];
    const ctes = counters.map((c, i) => Prisma.sql`${Prisma.raw(`c${i}`)} AS (${upsert(c, i ? { cte: `c${i - 1}`, limit: counters[i - 1].limit } : null)})`);
    const columns = counters.map((_, i) => Prisma.raw(`(SELECT "count" FROM c${i}) AS "c${i}"`));
    const client = await db();
    const [row] = await client.$queryRaw<Record<string, number | null>[]>`WITH ${Prisma.join(ctes)} SELECT ${Prisma.join(columns)}`;
    return counters.map((_, i) => (row?.[`c${i}`] == null ? null : Number(row[`c${i}`])));
  },
};
