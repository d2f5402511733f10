// Searching work orders over the seeded year of acme history: every filter agrees with a hand-written SQL
// count, every sort pages through all rows exactly once in order, and paging back returns the pages
// paged forward.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { assignWorkOrder, countWorkOrders, listWorkOrders, type WorkOrderSummary } from "@/lib/data/work-orders";
import { SORTS, type WorkOrderFilters, type WorkOrderSort } from "@/lib/validation/work-order";
import { ACME, acmeAdmin, acmeTech, freshWorkOrder, sampleIds, USERS } from "./work-orders-fixtures";

let ids: Awaited<ReturnType<typeof sampleIds>>;
beforeAll(async () => {
  ids = await sampleIds(ACME);
});
afterAll(async () => {
  await (await db()).$disconnect();
});

/** Counts acme work orders matching a SQL condition, independently of lib/data's query builder. */
async function sqlCount(condition: string, ...params: unknown[]): Promise<number> {
  const rows = await withTenant(ACME, null, (tx) =>
    tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "WorkOrder" w WHERE w."tenantId" = '${ACME}' AND (${condition})`, ...params),
  );
  return rows[0].n;
}

async function all(filters: WorkOrderFilters & { sort?: WorkOrderSort }): Promise<WorkOrderSummary[]> {
  const rows: WorkOrderSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await listWorkOrders(acmeAdmin(), { ...filters, limit: 100, cursor });
    rows.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return rows;
}

describe("filters", () => {
  const cases: [string, WorkOrderFilters, string][] = [
    ["status", { status: ["open", "on_hold"] }, `w.status IN ('open', 'on_hold')`],
    ["type", { type: ["inspection"] }, `w.type = 'inspection'`],
    ["priority", { priority: [1, 2] }, `w.priority IN (1, 2)`],
    ["overdue", { overdue: true }, `w."dueAt" < now() AND w.status IN ('open', 'in_progress', 'on_hold', 'in_review')`],
    ["unassigned", { assignee: "unassigned" }, `NOT EXISTS (SELECT 1 FROM "WorkOrderAssignee" a WHERE a."workOrderId" = w.id)`],
    [
      "assignee by email",
      { assignee: "tech@acme.test" },
      `EXISTS (SELECT 1 FROM "WorkOrderAssignee" a WHERE a."workOrderId" = w.id AND a."userId" = '${USERS.tech}')`,
    ],
    ["text", { q: "compressor" }, `w.code ILIKE '%compressor%' OR w.title ILIKE '%compressor%' OR w.description ILIKE '%compressor%'`],
    ["a code", { q: "wo-000123" }, `w.code = 'WO-000123'`],
    ["a bare number", { q: "123" }, `w.code = 'WO-000123'`],
    [
      "combined",
      { status: ["completed"], type: ["corrective"], priority: [1, 2, 3] },
      `w.status = 'completed' AND w.type = 'corrective' AND w.priority <= 3`,
    ],
  ];
  for (const [name, filters, sql] of cases) {
    it(`${name} matches SQL`, async () => {
      const expected = await sqlCount(sql);
      expect(expected, "the seed has rows for this case").toBeGreaterThan(0);
      expect(await countWorkOrders(acmeAdmin(), filters)).toBe(expected);
      expect((await all(filters)).length).toBe(expected);
    });
  }

  it("due range reads days in the tenant's zone, inclusive at both ends", async () => {
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const [from, to] = [day(60), day(53)];
    // PostgreSQL's own time zone rules, independent of the app's conversion (acme: America/Chicago).
    const expected = await sqlCount(
      `w."dueAt" >= ($1::date::timestamp AT TIME ZONE 'America/Chicago') AND w."dueAt" < (($2::date + 1)::timestamp AT TIME ZONE 'America/Chicago')`,
      from,
      to,
    );
    expect(expected).toBeGreaterThan(0);
    expect(await countWorkOrders(acmeAdmin(), { dueAfter: from, dueBefore: to })).toBe(expected);
  });

  it("asset and location filters include the subtree unless told not to", async () => {
    const tree = `WITH RECURSIVE t AS (SELECT id FROM "Asset" WHERE id = $1 UNION SELECT a.id FROM "Asset" a JOIN t ON a."parentId" = t.id) SELECT id FROM t`;
    expect(await countWorkOrders(acmeAdmin(), { assetId: ids.parentAsset })).toBe(await sqlCount(`w."assetId" IN (${tree})`, ids.parentAsset));
    expect(await countWorkOrders(acmeAdmin(), { assetId: ids.parentAsset, includeChildren: false })).toBe(
      await sqlCount(`w."assetId" = $1`, ids.parentAsset),
    );
    const places = `WITH RECURSIVE t AS (SELECT id FROM "Location" WHERE id = $1 UNION SELECT l.id FROM "Location" l JOIN t ON l."parentId" = t.id) SELECT id FROM t`;
    const atSite = await countWorkOrders(acmeAdmin(), { locationId: ids.parentLocation });
    expect(atSite).toBe(await sqlCount(`w."locationId" IN (${places})`, ids.parentLocation));
    expect(atSite).toBeGreaterThan(await countWorkOrders(acmeAdmin(), { locationId: ids.parentLocation, includeChildren: false }));
  });

  it('"me" is the caller, and a code finds its work order', async () => {
    const wo = await freshWorkOrder(acmeAdmin(), { title: "Find me by code" });
    await assignWorkOrder(acmeAdmin(), { workOrder: wo.id, assignees: [USERS.tech] });
    expect(await countWorkOrders(acmeTech(), { assignee: "me" })).toBe(await countWorkOrders(acmeAdmin(), { assignee: USERS.tech }));
    const techMine = await listWorkOrders(acmeTech(), { assignee: "me", q: wo.code });
    expect(techMine.items.map((r) => r.code)).toEqual([wo.code]);
    expect((await listWorkOrders(acmeAdmin(), { assignee: "me", q: wo.code })).items).toEqual([]);
  });
});

describe("sorting and paging", () => {
  const keyOf: Record<WorkOrderSort, (w: WorkOrderSummary) => number> = {
    newest: (w) => -Number(w.code.slice(3)),
    oldest: (w) => Number(w.code.slice(3)),
    due: (w) => w.dueAt?.getTime() ?? Number.MAX_SAFE_INTEGER,
    priority: (w) => w.priority,
    updated: (w) => -w.updatedAt.getTime(),
  };
  for (const sort of SORTS) {
    it(`${sort}: pages through every row once, in order`, async () => {
      const rows = await all({ sort });
      expect(rows.length).toBe(await countWorkOrders(acmeAdmin()));
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      const keys = rows.map(keyOf[sort]);
      expect(keys).toEqual([...keys].sort((a, b) => a - b));
    });
  }

  it("paging back returns the pages paged forward, and the first page full", async () => {
    for (const sort of ["newest", "due"] as const) {
      const p1 = await listWorkOrders(acmeAdmin(), { sort, limit: 10 });
      const p2 = await listWorkOrders(acmeAdmin(), { sort, limit: 10, cursor: p1.nextCursor! });
      const p3 = await listWorkOrders(acmeAdmin(), { sort, limit: 10, cursor: p2.nextCursor! });
      expect(p1.prevCursor).toBeNull();
      const back2 = await listWorkOrders(acmeAdmin(), { sort, limit: 10, before: p3.prevCursor! });
      expect(back2.items.map((r) => r.id)).toEqual(p2.items.map((r) => r.id));
      expect(back2.nextCursor).toBe(p2.nextCursor);
      const back1 = await listWorkOrders(acmeAdmin(), { sort, limit: 10, before: back2.prevCursor! });
      expect(back1.items.map((r) => r.id)).toEqual(p1.items.map((r) => r.id));
      expect(back1.prevCursor).toBeNull();
    }
  });

  it("clamps limits and refuses a cursor that is garbage or from another sort", async () => {
    expect((await listWorkOrders(acmeAdmin(), { limit: 1000 })).items).toHaveLength(100);
    expect((await listWorkOrders(acmeAdmin(), { limit: 0 })).items).toHaveLength(1);
    await expect(listWorkOrders(acmeAdmin(), { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "invalid" });
    const dueCursor = (await listWorkOrders(acmeAdmin(), { sort: "due", limit: 1 })).nextCursor!;
    await expect(listWorkOrders(acmeAdmin(), { sort: "newest", cursor: dueCursor })).rejects.toMatchObject({ code: "invalid" });
  });
});
