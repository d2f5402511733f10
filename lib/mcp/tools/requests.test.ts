// The work-request MCP tools, called directly with an Access against the real seeded database: list
// (a Requester sees only their own), file, approve into a work order, reject, and acme's access with
// globex's ids in every argument.
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy/access";
import type { ToolDefinition } from "../define";
import { requestTools } from "./requests";

const perms = (r: keyof typeof BUILT_IN_ROLES) => toPermissions(BUILT_IN_ROLES[r].permissions);
const access = (userId: string, r: keyof typeof BUILT_IN_ROLES, tenantId = "tenant-acme"): Access => ({ tenantId, userId, consumerId: null, permissions: perms(r) });
const admin = access("user-admin-acme", "administrator");
const requester = access("user-requester-acme", "requester");
const globex = access("user-admin-globex", "administrator", "tenant-globex");

async function call(name: string, input: unknown, who: Access): Promise<Record<string, any>> {
  const t: ToolDefinition = requestTools.find((x) => x.name === name)!;
  const result = await t.handler(t.input.parse(input), { access: who, ip: null });
  expect(t.output.safeParse(result.structured).success, `${name} output matches its schema`).toBe(true);
  return { ...result.structured, summary: result.summary };
}

afterAll(async () => {
  await (await db()).$disconnect();
});

describe("request tools", () => {
  it("are declared completely and their schemas render as JSON Schema", () => {
    expect(requestTools.map((t) => t.name)).toEqual(["list_work_requests", "create_work_request", "approve_work_request", "reject_work_request"]);
    for (const t of requestTools) {
      expect(t.permission?.[0]).toBe("requests");
      expect(() => z.toJSONSchema(t.input, { io: "input" })).not.toThrow();
      expect(() => z.toJSONSchema(t.output, { io: "output" })).not.toThrow();
    }
    expect(requestTools.find((t) => t.name === "approve_work_request")!.scopes).toEqual(["requests:write", "workorders:write"]);
  });

  it("file → list → approve into a work order; the requester sees it approved", async () => {
    const filed = await call("create_work_request", { description: "Forklift FL-07 horn does not work", assetId: "acme-asset-wh-fl-07", urgent: false }, requester);
    expect(filed).toMatchObject({ status: "open", location: { code: "PS-WH" } });
    const mine = await call("list_work_requests", { status: "open" }, requester);
    expect(mine.items.every((r: { requester: string }) => r.requester === filed.requester)).toBe(true);
    expect(mine.items[0].code).toBe(filed.code);

    const approved = await call("approve_work_request", { id: filed.code, dueAt: "2026-12-01" }, admin);
    expect(approved.workOrder).toMatchObject({ type: "corrective", priority: 3, status: "open", title: "Forklift FL-07 horn does not work" });
    expect(approved.summary).toContain(approved.workOrder.code);
    const dueAt = await withTenant("tenant-acme", null, (tx) => tx.workOrder.findFirst({ where: { id: approved.workOrder.id }, select: { dueAt: true } }));
    expect(dueAt?.dueAt?.toISOString()).toBe("2026-12-01T00:00:00.000Z");
    await expect(call("approve_work_request", { id: filed.id }, admin)).rejects.toMatchObject({ code: "conflict" });

    const seen = await call("list_work_requests", { query: filed.code }, requester);
    expect(seen.items[0]).toMatchObject({ status: "approved", workOrder: { code: approved.workOrder.code } });
  });

  it("reject needs a reason and only works on open requests", async () => {
    const filed = await call("create_work_request", { description: "Coffee machine broken" }, requester);
    expect(() => requestTools.find((t) => t.name === "reject_work_request")!.input.parse({ id: filed.id })).toThrow();
    const rejected = await call("reject_work_request", { id: filed.id, reason: "Not maintenance: call facilities" }, admin);
    expect(rejected).toMatchObject({ status: "rejected", rejectionReason: "Not maintenance: call facilities" });
    await expect(call("reject_work_request", { id: filed.id, reason: "again" }, admin)).rejects.toMatchObject({ code: "conflict" });
    await expect(call("approve_work_request", { id: filed.id }, requester)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("request tools across tenants", () => {
  it("acme's access with globex ids in every argument gets not found or no globex rows", async () => {
    const g = await withTenant("tenant-globex", null, (tx) =>
      tx.workRequest.findFirst({ where: { tenantId: "tenant-globex", status: "open" }, select: { id: true, code: true, status: true } }),
    );
    const nf = { code: "not_found" };
    await expect(call("approve_work_request", { id: g!.id }, admin)).rejects.toMatchObject(nf);
    await expect(call("reject_work_request", { id: g!.id, reason: "x" }, admin)).rejects.toMatchObject(nf);
    await expect(call("create_work_request", { description: "x", assetId: "globex-asset-wtp-rwp-01" }, admin)).rejects.toMatchObject(nf);
    await expect(call("create_work_request", { description: "x", locationId: "globex-loc-wtp" }, admin)).rejects.toMatchObject(nf);
    expect((await call("list_work_requests", { query: g!.code, limit: 100 }, admin)).items.filter((r: { id: string }) => r.id === g!.id)).toEqual([]);
    const gCursor = (await call("list_work_requests", { limit: 3 }, globex)).nextCursor;
    const viaCursor = await call("list_work_requests", { cursor: gCursor, limit: 100 }, admin);
    expect(viaCursor.items.filter((r: { id: string }) => r.id.startsWith("globex-"))).toEqual([]);
    const after = await withTenant("tenant-globex", null, (tx) => tx.workRequest.findFirst({ where: { id: g!.id }, select: { status: true, workOrderId: true } }));
    expect(after).toEqual({ status: g!.status, workOrderId: null });
  });
});
