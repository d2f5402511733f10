// Assets, locations, meters and downtime through lib/data against the real seeded database: search and
// pagination, the detail view's figures against hand-computed SQL, tree-cycle refusal, meter rules and
// tenant isolation with the other tenant's ids in every argument.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { getAsset, searchAssets, listAssetCategories } from "@/lib/data/assets";
import { listAssetWorkOrders } from "@/lib/data/assets-history";
import { createAsset, moveAsset, updateAsset } from "@/lib/data/assets-write";
import { listAssetDowntime } from "@/lib/data/downtime";
import { createLocation, getLocation, listChildLocations, listLocations, moveLocation, updateLocation } from "@/lib/data/locations";
import { listMeterReadings, recordMeterReading } from "@/lib/data/meters";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy/access";

// Checks and fixtures go through the app's own connection (as the app role, under RLS with the tenant set):
// with embedded PGlite a second connection to the same folder would not see the app's writes.
const owner = {
  query: <T = Record<string, unknown>>(sql: string, params: unknown[] = [], tenantId = "tenant-acme") =>
    withTenant(tenantId, null, (tx) => tx.$queryRawUnsafe<T[]>(sql, ...params)),
  exec: async (script: string) => {
    for (const statement of script.split(";").map((x) => x.trim()).filter(Boolean)) await owner.query(statement);
  },
};
const role = (r: keyof typeof BUILT_IN_ROLES) => toPermissions(BUILT_IN_ROLES[r].permissions);
const admin: Access = { tenantId: "tenant-acme", userId: "user-admin-acme", consumerId: null, permissions: role("administrator") };
const viewer: Access = { tenantId: "tenant-acme", userId: "user-viewer-acme", consumerId: null, permissions: role("read_only") };
const globexAdmin: Access = { tenantId: "tenant-globex", userId: "user-admin-globex", consumerId: null, permissions: role("administrator") };

const count = async (sql: string, params: unknown[] = [], tenantId?: string) =>
  Number((await owner.query<{ n: number }>(sql, params, tenantId))[0].n);

afterAll(async () => {
  await (await db()).$disconnect();
});

describe("asset search", () => {
  it("filters by text, category, status, criticality, location subtree and parent", async () => {
    const text = await searchAssets(admin, { query: "compressor" });
    expect(text.items.map((a) => a.code)).toEqual(["UT-AC-01", "UT-AC-02"]);
    const pumps = await searchAssets(admin, { category: "pump", limit: 100 });
    expect(pumps.items.length).toBe(await count(`SELECT count(*)::int n FROM "Asset" WHERE "tenantId"='tenant-acme' AND category='Pump'`));
    expect((await searchAssets(admin, { status: "down" })).items.map((a) => a.code)).toEqual(["L3-IM-02"]);
    const critical = await searchAssets(admin, { minCriticality: 5, limit: 100 });
    expect(critical.items.every((a) => a.criticality === 5)).toBe(true);
    expect((await searchAssets(admin, { criticality: 1 })).items.map((a) => a.code)).toEqual(["WH-FL-02"]);
    // Plant North includes its lines and rooms.
    const north = await searchAssets(admin, { locationId: "acme-loc-pn", limit: 100 });
    const expected = await count(
      `SELECT count(*)::int n FROM "Asset" a JOIN "Location" l ON l.id = a."locationId" WHERE a."tenantId"='tenant-acme' AND (l.id='acme-loc-pn' OR l."parentId"='acme-loc-pn')`,
    );
    expect(north.items.length).toBe(expected);
    const children = await searchAssets(admin, { parentId: "acme-asset-l1" });
    expect(children.items.map((a) => a.code)).toEqual(["L1-CNV-01", "L1-FDR-01", "L1-PRS-01"]);
    const roots = await searchAssets(admin, { parentId: null, limit: 100 });
    expect(roots.items.every((a) => a.parentId === null)).toBe(true);
    expect(roots.items.find((a) => a.code === "L1")?.childCount).toBe(3);
  });

  it("pages through every asset once, in code order, with clamped limits", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchAssets(admin, { limit: 7, cursor });
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((a) => a.code));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBe(await count(`SELECT count(*)::int n FROM "Asset" WHERE "tenantId"='tenant-acme'`));
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
    expect((await searchAssets(admin, { limit: 10_000 })).items.length).toBeLessThanOrEqual(100);
    await expect(searchAssets(admin, { cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "invalid" });
  });

  it("lists categories", async () => {
    expect(await listAssetCategories(admin)).toContain("Compressor");
  });
});

describe("asset detail", () => {
  it("has children, meters with latest readings, open work orders, downtime and cost equal to SQL", async () => {
    const a = await getAsset(admin, "UT-AC-02", { readings: 10 });
    expect(a.id).toBe("acme-asset-ut-ac-02");
    expect(a.locationPath.map((l) => l.code)).toEqual(["PN", "PN-UT"]);
    expect(a.meters.map((m) => m.name).sort()).toEqual(["Discharge temperature", "Runtime hours"]);
    const [latest] = await owner.query<{ value: number }>(
      `SELECT value FROM "MeterReading" WHERE "meterId"='acme-meter-ut-ac-02-runtime' ORDER BY at DESC LIMIT 1`,
    );
    const runtime = a.meters.find((m) => m.kind === "counter")!;
    expect(runtime.latest?.value).toBe(latest.value);
    expect(runtime.readings.length).toBe(10);
    expect(runtime.readings.at(-1)?.value).toBe(latest.value);

    const open = await count(
      `SELECT count(*)::int n FROM "WorkOrder" WHERE "assetId"='acme-asset-ut-ac-02' AND status NOT IN ('completed','cancelled')`,
    );
    expect(a.workOrders!.open.length).toBe(Math.min(open, 20));
    expect(a.workOrders!.open.every((w) => w.status !== "completed" && w.status !== "cancelled")).toBe(true);

    // Cost by hand: rows summed in JS here, in SQL by the code under test.
    const te = await owner.query<{ minutes: number; rate: string }>(
      `SELECT te.minutes, te.rate::text FROM "TimeEntry" te JOIN "WorkOrder" w ON w.id = te."workOrderId" WHERE w."assetId"='acme-asset-ut-ac-02'`,
    );
    const pu = await owner.query<{ quantity: number; cost: string }>(
      `SELECT pu.quantity, pu."unitCost"::text AS cost FROM "PartUsage" pu JOIN "WorkOrder" w ON w.id = pu."workOrderId" WHERE w."assetId"='acme-asset-ut-ac-02'`,
    );
    const labour = te.reduce((s, r) => s + (r.minutes * Number(r.rate)) / 60, 0);
    const parts = pu.reduce((s, r) => s + r.quantity * Number(r.cost), 0);
    expect(te.length + pu.length).toBeGreaterThan(0);
    expect(a.cost!.labour).toBeCloseTo(labour, 1);
    expect(a.cost!.parts).toBeCloseTo(parts, 1);
    expect(a.cost!.total).toBeCloseTo(labour + parts, 1);

    const downtimeRows = await count(
      `SELECT count(*)::int n FROM "Downtime" WHERE "assetId"='acme-asset-ut-ac-02' AND "startedAt" >= (now() AT TIME ZONE 'UTC') - interval '365 days'`,
    );
    expect(a.downtime.summary.count).toBe(downtimeRows);
    expect(a.downtime.recent.length).toBe(Math.min(10, await count(`SELECT count(*)::int n FROM "Downtime" WHERE "assetId"='acme-asset-ut-ac-02'`)));
  });

  it("hides work orders and cost from a role without the work-orders module", async () => {
    const requester: Access = { ...viewer, userId: "user-requester-acme", permissions: role("requester") };
    const a = await getAsset(requester, "acme-asset-l1");
    expect(a.children.map((c) => c.code)).toEqual(["L1-CNV-01", "L1-FDR-01", "L1-PRS-01"]);
    expect(a.workOrders).toBeNull();
    expect(a.cost).toBeNull();
  });

  it("pages work orders and downtime history", async () => {
    const wo = await listAssetWorkOrders(admin, { assetId: "acme-asset-ut-ac-02", state: "closed", limit: 3 });
    expect(wo.items.length).toBe(3);
    const next = await listAssetWorkOrders(admin, { assetId: "acme-asset-ut-ac-02", state: "closed", limit: 3, cursor: wo.nextCursor! });
    expect(next.items.some((w) => wo.items.some((x) => x.id === w.id))).toBe(false);
    const dt = await listAssetDowntime(admin, { assetId: "acme-asset-ut-ac-02", limit: 5 });
    expect(dt.items.length).toBe(5);
    expect(dt.items[0].hours).toBeGreaterThan(0);
  });
});

describe("asset and location writes", () => {
  it("creates, edits and audits; a duplicate code is a conflict; a viewer is refused", async () => {
    const created = await createAsset(admin, { code: "T-PUMP-1", name: "Test pump", category: "Pump", parentId: "acme-asset-ut-ac-01" });
    expect(created.locationId).toBe("acme-loc-pn-ut");
    await expect(createAsset(admin, { code: "T-PUMP-1", name: "Again" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createAsset(admin, { code: "", name: "x" })).rejects.toMatchObject({ code: "invalid" });
    const edited = await updateAsset(admin, { id: created.id, name: "Renamed pump", criticality: 5, serial: "" });
    expect(edited).toMatchObject({ name: "Renamed pump", criticality: 5, serial: null, category: "Pump" });
    await expect(updateAsset(admin, { id: created.id, code: "UT-AC-01" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createAsset(viewer, { code: "T-NOPE", name: "No" })).rejects.toMatchObject({ code: "forbidden" });
    const actions = await owner.query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "entityId"=$1 ORDER BY at`, [created.id]);
    expect(actions.map((a) => a.action)).toEqual(["asset.create", "asset.update"]);

    const loc = await createLocation(admin, { code: "PN-T1", name: "Test bay", parentId: "acme-loc-pn" });
    expect((await updateLocation(admin, { id: loc.id, name: "Test bay 2" })).name).toBe("Test bay 2");
    expect((await getLocation(admin, loc.id)).path.map((p) => p.code)).toEqual(["PN"]);
    expect((await listChildLocations(admin, "acme-loc-pn")).map((l) => l.code)).toContain("PN-T1");
  });

  it("refuses to move a node under itself or its own descendants, in both trees", async () => {
    await expect(moveAsset(admin, { id: "acme-asset-l1", parentId: "acme-asset-l1" })).rejects.toMatchObject({ code: "conflict" });
    await expect(moveAsset(admin, { id: "acme-asset-l1", parentId: "acme-asset-l1-prs-01-mtr" })).rejects.toMatchObject({ code: "conflict" });
    await expect(moveLocation(admin, { id: "acme-loc-pn", parentId: "acme-loc-pn-l1" })).rejects.toMatchObject({ code: "conflict" });
    await expect(moveLocation(admin, { id: "acme-loc-pn", parentId: "acme-loc-pn" })).rejects.toMatchObject({ code: "conflict" });
    // Nothing changed.
    expect(await count(`SELECT count(*)::int n FROM "Asset" WHERE id='acme-asset-l1' AND "parentId" IS NULL`)).toBe(1);

    const moved = await moveAsset(admin, { id: "acme-asset-l2-sds-01", parentId: "acme-asset-l2-rob-01" });
    expect(moved.parentId).toBe("acme-asset-l2-rob-01");
    const back = await moveAsset(admin, { id: "acme-asset-l2-sds-01", parentId: null });
    expect(back.parentId).toBeNull();
    expect(await count(`SELECT count(*)::int n FROM "AuditLog" WHERE "entityId"='acme-asset-l2-sds-01' AND action='asset.move'`)).toBe(2);
  });

  it("lets only one of two crossing concurrent moves through", async () => {
    const a = await createAsset(admin, { code: "T-X-A", name: "A" });
    const b = await createAsset(admin, { code: "T-X-B", name: "B" });
    const results = await Promise.allSettled([
      moveAsset(admin, { id: a.id, parentId: b.id }),
      moveAsset(admin, { id: b.id, parentId: a.id }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
  });
});

describe("meter readings", () => {
  const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

  it("refuses a counter going backwards, accepts any gauge value, refuses the future", async () => {
    const [last] = await owner.query<{ value: number }>(
      `SELECT value FROM "MeterReading" WHERE "meterId"='acme-meter-wh-fl-07-runtime' ORDER BY at DESC LIMIT 1`,
    );
    await expect(recordMeterReading(admin, { meterId: "acme-meter-wh-fl-07-runtime", value: last.value - 1, at: at(30) })).rejects.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/cannot go backwards/),
    });
    const ok = await recordMeterReading(admin, { meterId: "acme-meter-wh-fl-07-runtime", value: last.value + 1, at: at(30) });
    expect(ok.reading.value).toBe(last.value + 1);
    const gauge = await recordMeterReading(admin, { meterId: "acme-meter-ut-ac-01-temp", value: -12.5, at: at(30) });
    expect(gauge.triggered).toEqual([]);
    await expect(recordMeterReading(admin, { meterId: "acme-meter-ut-ac-01-temp", value: 1, at: new Date(Date.now() + 3_600_000).toISOString() })).rejects.toMatchObject({ code: "invalid" });
    await expect(recordMeterReading(viewer, { meterId: "acme-meter-ut-ac-01-temp", value: 1 })).rejects.toMatchObject({ code: "forbidden" });
    const page = await listMeterReadings(admin, { meterId: "acme-meter-ut-ac-01-temp", limit: 2 });
    expect(page.items[0].value).toBe(-12.5);
    expect(await count(`SELECT count(*)::int n FROM "AuditLog" WHERE action='meter.reading.record' AND "entityId"=$1`, [gauge.reading.id])).toBe(1);
  });

  it("a threshold crossing makes the plan due once, not again while it stays beyond or waits", async () => {
    await owner.exec(`
      INSERT INTO "MaintenancePlan" (id, "tenantId", code, name, "updatedAt") VALUES ('t-plan-th', 'tenant-acme', 'T-TH', 'Check chiller', now());
      INSERT INTO "PlanTrigger" (id, "tenantId", "planId", kind, "meterId", threshold, direction, "updatedAt")
        VALUES ('t-trig-th', 'tenant-acme', 't-plan-th', 'meter_threshold', 'acme-meter-bh-ch-01-temp', 12, 'above', now());`);
    const meterId = "acme-meter-bh-ch-01-temp";
    expect((await recordMeterReading(admin, { meterId, value: 7, at: at(50) })).triggered).toEqual([]);
    const hit = await recordMeterReading(admin, { meterId, value: 13.5, at: at(49) });
    expect(hit.triggered).toHaveLength(1);
    expect(hit.triggered[0]).toMatchObject({ planId: "t-plan-th", planCode: "T-TH", kind: "meter_threshold" });
    const [occ] = await owner.query<{ status: string; dueAt: Date }>(`SELECT status, "dueAt" FROM "PmOccurrence" WHERE "planId"='t-plan-th'`);
    expect(occ.status).toBe("due");
    expect((await recordMeterReading(admin, { meterId, value: 14, at: at(48) })).triggered).toEqual([]); // still above
    await recordMeterReading(admin, { meterId, value: 8, at: at(47) });
    expect((await recordMeterReading(admin, { meterId, value: 15, at: at(46) })).triggered).toEqual([]); // one still waits as due
    await owner.exec(`UPDATE "PmOccurrence" SET status='in_wo' WHERE "planId"='t-plan-th'`);
    await recordMeterReading(admin, { meterId, value: 8, at: at(45) });
    expect((await recordMeterReading(admin, { meterId, value: 12.1, at: at(44) })).triggered).toHaveLength(1);
    expect(await count(`SELECT count(*)::int n FROM "PmOccurrence" WHERE "planId"='t-plan-th'`)).toBe(2);
    expect(await count(`SELECT count(*)::int n FROM "AuditLog" WHERE action='pm.occurrence.create'`)).toBe(2);
  });

  it("a counter advancing by the interval since the last service makes the plan due", async () => {
    const meterId = "acme-meter-l2-rob-01-runtime";
    const [last] = await owner.query<{ value: number }>(`SELECT value FROM "MeterReading" WHERE "meterId"=$1 ORDER BY at DESC LIMIT 1`, [meterId]);
    await owner.exec(`
      INSERT INTO "MaintenancePlan" (id, "tenantId", code, name, "updatedAt") VALUES ('t-plan-iv', 'tenant-acme', 'T-IV', 'Robot service', now());
      INSERT INTO "PlanTrigger" (id, "tenantId", "planId", kind, "meterId", "meterInterval", "createdAt", "updatedAt")
        VALUES ('t-trig-iv', 'tenant-acme', 't-plan-iv', 'meter_interval', '${meterId}', 100, now() - interval '2 hours', now());`);
    expect((await recordMeterReading(admin, { meterId, value: last.value + 50, at: at(40) })).triggered).toEqual([]);
    const hit = await recordMeterReading(admin, { meterId, value: last.value + 120, at: at(39) });
    expect(hit.triggered).toEqual([expect.objectContaining({ planId: "t-plan-iv", kind: "meter_interval" })]);
    // Measured from that occurrence now: +30 is not enough, +105 is.
    expect((await recordMeterReading(admin, { meterId, value: last.value + 150, at: at(38) })).triggered).toEqual([]);
    expect((await recordMeterReading(admin, { meterId, value: last.value + 225, at: at(37) })).triggered).toHaveLength(1);
    // A back-dated reading fills in history and triggers nothing.
    expect((await recordMeterReading(admin, { meterId, value: last.value + 10, at: at(100) })).triggered).toEqual([]);
    expect(await count(`SELECT count(*)::int n FROM "PmOccurrence" WHERE "planId"='t-plan-iv' AND status='due'`)).toBe(2);
  });
});

describe("tenant isolation (acme access, globex ids)", () => {
  it("every id, filter and cursor argument finds nothing of globex and changes nothing", async () => {
    const before = await owner.query(`SELECT id, "parentId", "locationId", name, code FROM "Asset" WHERE "tenantId"='tenant-globex' ORDER BY id`, [], "tenant-globex");
    const gAsset = "globex-asset-wtp-rwp-01";
    const nf = { code: "not_found" };
    await expect(getAsset(admin, gAsset)).rejects.toMatchObject(nf);
    const [gCode] = await owner.query<{ code: string }>(`SELECT code FROM "Asset" WHERE id=$1`, [gAsset], "tenant-globex");
    await expect(getAsset(admin, gCode.code)).rejects.toMatchObject(nf);
    expect((await searchAssets(admin, { locationId: "globex-loc-wtp" })).items).toEqual([]);
    expect((await searchAssets(admin, { parentId: "globex-asset-wtp" })).items).toEqual([]);
    // A cursor taken from globex's list positions acme's list but yields only acme rows.
    const gPage = await searchAssets(globexAdmin, { limit: 3 });
    const viaCursor = await searchAssets(admin, { cursor: gPage.nextCursor!, limit: 100 });
    const globexIds = new Set(before.map((r) => (r as { id: string }).id));
    expect(viaCursor.items.length).toBeGreaterThan(0);
    expect(viaCursor.items.filter((a) => globexIds.has(a.id))).toEqual([]);
    await expect(listAssetWorkOrders(admin, { assetId: gAsset, state: "open" })).rejects.toMatchObject(nf);
    await expect(listAssetDowntime(admin, { assetId: gAsset })).rejects.toMatchObject(nf);
    await expect(listMeterReadings(admin, { meterId: "globex-meter-wtp-rwp-01-vibration" })).rejects.toMatchObject(nf);
    await expect(recordMeterReading(admin, { meterId: "globex-meter-wtp-rwp-01-vibration", value: 99 })).rejects.toMatchObject(nf);
    await expect(updateAsset(admin, { id: gAsset, name: "hijacked" })).rejects.toMatchObject(nf);
    await expect(moveAsset(admin, { id: gAsset, parentId: null })).rejects.toMatchObject(nf);
    await expect(moveAsset(admin, { id: "acme-asset-ut-ac-01", parentId: gAsset })).rejects.toMatchObject(nf);
    await expect(moveAsset(admin, { id: "acme-asset-ut-ac-01", locationId: "globex-loc-wtp" })).rejects.toMatchObject(nf);
    await expect(updateAsset(admin, { id: "acme-asset-ut-ac-01", locationId: "globex-loc-wtp" })).rejects.toMatchObject(nf);
    await expect(createAsset(admin, { code: "T-G1", name: "x", parentId: gAsset })).rejects.toMatchObject(nf);
    await expect(createAsset(admin, { code: "T-G2", name: "x", locationId: "globex-loc-wtp" })).rejects.toMatchObject(nf);
    await expect(getLocation(admin, "globex-loc-wtp")).rejects.toMatchObject(nf);
    await expect(listChildLocations(admin, "globex-loc-wtp")).rejects.toMatchObject(nf);
    await expect(createLocation(admin, { code: "T-G3", name: "x", parentId: "globex-loc-wtp" })).rejects.toMatchObject(nf);
    await expect(updateLocation(admin, { id: "globex-loc-wtp", name: "hijacked" })).rejects.toMatchObject(nf);
    await expect(moveLocation(admin, { id: "globex-loc-wtp-fil", parentId: null })).rejects.toMatchObject(nf);
    await expect(moveLocation(admin, { id: "acme-loc-pn-l1", parentId: "globex-loc-wtp" })).rejects.toMatchObject(nf);
    expect((await listLocations(admin)).filter((l) => l.id.startsWith("globex-"))).toEqual([]);

    const after = await owner.query(`SELECT id, "parentId", "locationId", name, code FROM "Asset" WHERE "tenantId"='tenant-globex' ORDER BY id`, [], "tenant-globex");
    expect(after).toEqual(before);
    expect(await count(`SELECT count(*)::int n FROM "Location" WHERE "tenantId"='tenant-globex' AND name='hijacked'`, [], "tenant-globex")).toBe(0);
    expect(await count(`SELECT count(*)::int n FROM "MeterReading" WHERE "meterId"='globex-meter-wtp-rwp-01-vibration' AND value=99`, [], "tenant-globex")).toBe(0);
  });
});
