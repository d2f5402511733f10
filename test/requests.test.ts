// Work requests through lib/data against the real seeded database: filing with the tenant counter, a
// Requester's own-only view, approval into exactly one work order (also under concurrency), rejection,
// cancellation and tenant isolation with the other tenant's ids in every argument.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { cancelRequest, countRequestsByStatus, createRequest, getRequest, listRequests } from "@/lib/data/requests";
import { approveRequest, rejectRequest } from "@/lib/data/requests-triage";
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
const acme = (userId: string, r: keyof typeof BUILT_IN_ROLES): Access => ({ tenantId: "tenant-acme", userId, consumerId: null, permissions: role(r) });
const admin = acme("user-admin-acme", "administrator");
const tech = acme("user-tech-acme", "technician");
const requester = acme("user-requester-acme", "requester");
const viewer = acme("user-viewer-acme", "read_only");
const globexAdmin: Access = { tenantId: "tenant-globex", userId: "user-admin-globex", consumerId: null, permissions: role("administrator") };

const one = async <T>(sql: string, params: unknown[] = [], tenantId?: string) => (await owner.query<T>(sql, params, tenantId))[0];
const counter = async (tenantId: string, name: string) =>
  Number((await one<{ value: number }>(`SELECT value FROM "TenantCounter" WHERE "tenantId"=$1 AND name=$2`, [tenantId, name], tenantId)).value);

afterAll(async () => {
  await (await db()).$disconnect();
});

describe("filing and seeing requests", () => {
  it("numbers requests from the tenant counter and defaults the location to the asset's", async () => {
    const before = await counter("tenant-acme", "request");
    const r = await createRequest(requester, { description: "Compressor AC-1 leaks oil", assetId: "acme-asset-ut-ac-01", urgent: "on" });
    expect(r.code).toBe(`REQ-${String(before + 1).padStart(5, "0")}`);
    expect(r).toMatchObject({ status: "open", urgent: true, requester: { id: "user-requester-acme" }, location: { id: "acme-loc-pn-ut" } });
    expect(await counter("tenant-acme", "request")).toBe(before + 1);
    const auditRow = await one<{ action: string; userId: string }>(`SELECT action, "userId" FROM "AuditLog" WHERE "entityId"=$1`, [r.id]);
    expect(auditRow).toEqual({ action: "request.create", userId: "user-requester-acme" });
    await expect(createRequest(viewer, { description: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createRequest(requester, { description: "  " })).rejects.toMatchObject({ code: "invalid" });
    await expect(createRequest({ ...admin, userId: null }, { description: "no user" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("shows a Requester only their own requests, and everyone else all of them", async () => {
    const own = await listRequests(requester, { limit: 100 });
    expect(own.ownOnly).toBe(true);
    expect(own.items.length).toBeGreaterThan(0);
    expect(own.items.every((r) => r.requester.id === "user-requester-acme")).toBe(true);
    const othersId = (await one<{ id: string }>(`SELECT id FROM "WorkRequest" WHERE "tenantId"='tenant-acme' AND "requesterId" <> 'user-requester-acme' LIMIT 1`)).id;
    await expect(getRequest(requester, othersId)).rejects.toMatchObject({ code: "not_found" });
    expect((await getRequest(admin, othersId)).id).toBe(othersId);

    const all = await listRequests(viewer, { status: "open", limit: 100 });
    expect(all.ownOnly).toBe(false);
    const openCount = Number((await one<{ n: number }>(`SELECT count(*)::int n FROM "WorkRequest" WHERE "tenantId"='tenant-acme' AND status='open'`)).n);
    expect(all.items.length).toBe(Math.min(openCount, 100));
    expect((await countRequestsByStatus(viewer)).open).toBe(openCount);
    const mine = await listRequests(admin, { mine: true });
    expect(mine.items.every((r) => r.requester.id === "user-admin-acme")).toBe(true);
    expect((await listRequests(admin, { query: "AC-1 leaks" })).items).toHaveLength(1);
  });

  it("pages newest first without gaps or repeats", async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listRequests(admin, { limit: 50, cursor });
      ids.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const total = Number((await one<{ n: number }>(`SELECT count(*)::int n FROM "WorkRequest" WHERE "tenantId"='tenant-acme'`)).n);
    expect(ids.length).toBe(total);
    expect(new Set(ids).size).toBe(total);
  });
});

describe("triage", () => {
  it("approves an open request into one corrective work order, and only once", async () => {
    const r = await createRequest(requester, { description: "Labeller jams\nevery few minutes", assetId: "acme-asset-l4-lbl-01", urgent: true });
    const woBefore = await counter("tenant-acme", "workorder");
    const { workOrder, request } = await approveRequest(tech, { id: r.code });
    expect(workOrder).toMatchObject({ code: `WO-${String(woBefore + 1).padStart(6, "0")}`, type: "corrective", priority: 2, status: "open", title: "Labeller jams" });
    expect(request).toMatchObject({ status: "approved", workOrder: { id: workOrder.id } });
    const row = await one<Record<string, unknown>>(`SELECT number, "assetId", "locationId", "createdById", description FROM "WorkOrder" WHERE id=$1`, [workOrder.id]);
    expect(row).toEqual({ number: woBefore + 1, assetId: "acme-asset-l4-lbl-01", locationId: "acme-loc-ps-l4", createdById: "user-tech-acme", description: "Labeller jams\nevery few minutes" });
    expect((await one<{ workOrderId: string }>(`SELECT "workOrderId" FROM "WorkRequest" WHERE id=$1`, [r.id])).workOrderId).toBe(workOrder.id);
    const actions = (await owner.query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "entityId" IN ($1, $2) ORDER BY action`, [r.id, workOrder.id])).map((a) => a.action);
    expect(actions).toEqual(["request.approve", "request.create", "workorder.create"]);

    await expect(approveRequest(admin, { id: r.id })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining(workOrder.code) });
    await expect(rejectRequest(admin, { id: r.id, reason: "late" })).rejects.toMatchObject({ code: "conflict" });
    // The requester sees it approved, with its work order.
    expect(await getRequest(requester, r.id)).toMatchObject({ status: "approved", workOrder: { code: workOrder.code } });
  });

  it("two concurrent approvals make exactly one work order and one clear error", async () => {
    const r = await createRequest(requester, { description: "Dock leveller will not rise", assetId: "acme-asset-wh-dl-01" });
    const woBefore = await counter("tenant-acme", "workorder");
    const results = await Promise.allSettled([approveRequest(admin, { id: r.id }), approveRequest(tech, { id: r.id, priority: 1 })]);
    const ok = results.filter((x) => x.status === "fulfilled");
    const failed = results.filter((x) => x.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ code: "conflict", message: expect.stringMatching(/already approved/) });
    const n = await one<{ n: number }>(`SELECT count(*)::int n FROM "WorkOrder" WHERE "tenantId"='tenant-acme' AND number > $1`, [woBefore]);
    expect(n.n).toBe(1);
    expect(await counter("tenant-acme", "workorder")).toBe(woBefore + 1);
    expect(ok[0].status === "fulfilled" && ok[0].value.workOrder.priority).toBeLessThanOrEqual(3);
  });

  it("rejects with a reason; a requester cannot triage; the requester may cancel their own open request", async () => {
    const r1 = await createRequest(requester, { description: "Light flickers in the warehouse" });
    await expect(approveRequest(requester, { id: r1.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(rejectRequest(viewer, { id: r1.id, reason: "no" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(rejectRequest(admin, { id: r1.id, reason: "" })).rejects.toMatchObject({ code: "invalid" });
    const rejected = await rejectRequest(admin, { id: r1.id, reason: "Facilities handles lighting" });
    expect(rejected).toMatchObject({ status: "rejected", rejectionReason: "Facilities handles lighting" });
    expect(await getRequest(requester, r1.id)).toMatchObject({ status: "rejected", rejectionReason: "Facilities handles lighting" });

    const r2 = await createRequest(requester, { description: "Door sticks" });
    await expect(cancelRequest(admin, { id: r2.id })).rejects.toMatchObject({ code: "forbidden" });
    expect((await cancelRequest(requester, { id: r2.id })).status).toBe("cancelled");
    await expect(cancelRequest(requester, { id: r2.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(approveRequest(admin, { id: r2.id })).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("tenant isolation (acme access, globex ids)", () => {
  it("every id, filter and cursor argument finds nothing of globex and changes nothing", async () => {
    const g = await one<{ id: string; code: string }>(`SELECT id, code FROM "WorkRequest" WHERE "tenantId"='tenant-globex' AND status='open' ORDER BY id LIMIT 1`, [], "tenant-globex");
    const snapshot = () => owner.query(`SELECT id, status, "workOrderId", "rejectionReason" FROM "WorkRequest" WHERE "tenantId"='tenant-globex' ORDER BY id`, [], "tenant-globex");
    const before = await snapshot();
    const gWorkOrders = await one<{ n: number }>(`SELECT count(*)::int n FROM "WorkOrder" WHERE "tenantId"='tenant-globex'`, [], "tenant-globex");
    const nf = { code: "not_found" };
    await expect(getRequest(admin, g.id)).rejects.toMatchObject(nf);
    await expect(approveRequest(admin, { id: g.id })).rejects.toMatchObject(nf);
    await expect(rejectRequest(admin, { id: g.id, reason: "x" })).rejects.toMatchObject(nf);
    await expect(cancelRequest(admin, { id: g.id })).rejects.toMatchObject(nf);
    await expect(createRequest(admin, { description: "x", assetId: "globex-asset-wtp-rwp-01" })).rejects.toMatchObject(nf);
    await expect(createRequest(admin, { description: "x", locationId: "globex-loc-wtp" })).rejects.toMatchObject(nf);
    // globex's code REQ-00001 exists in acme too: by code, acme gets its own request, never globex's.
    const byCode = await getRequest(admin, "REQ-00001");
    expect(byCode.id.startsWith("acme-")).toBe(true);
    const gPage = await listRequests(globexAdmin, { limit: 5 });
    const viaCursor = await listRequests(admin, { cursor: gPage.nextCursor!, limit: 100 });
    expect(viaCursor.items.length).toBeGreaterThan(0);
    expect(viaCursor.items.filter((r) => r.id.startsWith("globex-"))).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect((await one<{ n: number }>(`SELECT count(*)::int n FROM "WorkOrder" WHERE "tenantId"='tenant-globex'`, [], "tenant-globex")).n).toBe(gWorkOrders.n);
  });
});
