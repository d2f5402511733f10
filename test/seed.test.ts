// The demo seed is deterministic: two seeds (into two fresh databases, or twice into one) give the same
// rows — counts per table, work-order codes and ids.
import { expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import type { Sql } from "@/lib/db/sql";
import { seed } from "@/prisma/seed/index";
import { createEmptyDatabase } from "./db";

const anchor = new Date("2026-06-01T00:00:00Z");

async function fingerprint(sql: Sql) {
  const tables = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_%' ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const [{ n }] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`);
    counts[table_name] = n;
  }
  const workOrders = await sql.query<{ id: string; code: string; status: string }>(
    `SELECT id, code, status::text FROM "WorkOrder" ORDER BY "tenantId", number`,
  );
  return { counts, workOrders };
}

it("two seeds give identical counts, codes and ids", async () => {
  const first = await createEmptyDatabase("fettle_seed");
  const second = await createEmptyDatabase("fettle_seed");
  const a = await first.open();
  const b = await second.open();
  try {
    await migrate(a);
    await migrate(b);
    await seed(a, { anchor });
    await seed(b, { anchor });
    const fa = await fingerprint(a);
    const fb = await fingerprint(b);
    expect(fa.counts.Tenant).toBeGreaterThanOrEqual(2);
    expect(fa.counts.WorkOrder).toBeGreaterThan(100);
    expect(fb).toEqual(fa);

    // Re-seeding a database that already holds the demo data replaces it with the same rows.
    await seed(a, { anchor });
    expect(await fingerprint(a)).toEqual(fa);

    const statuses = new Set(fa.workOrders.map((w) => w.status));
    expect([...statuses].sort()).toEqual(["cancelled", "completed", "in_progress", "in_review", "on_hold", "open"]);
    expect(fa.workOrders[0].code).toMatch(/^WO-\d{6}$/);
  } finally {
    await a.close();
    await b.close();
  }
});
