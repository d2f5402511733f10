// The asset and location MCP tools, called directly with an Access against the real seeded database:
// their schemas render as JSON Schema, outputs match the declared schemas, and acme's access given
// globex's ids in every id, filter and cursor argument gets "not found" or no globex rows.
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy/access";
import type { ToolDefinition } from "../define";
import { assetTools } from "./assets";

const perms = (r: keyof typeof BUILT_IN_ROLES) => toPermissions(BUILT_IN_ROLES[r].permissions);
const acme: Access = { tenantId: "tenant-acme", userId: "user-tech-acme", consumerId: null, permissions: perms("technician") };
const globex: Access = { tenantId: "tenant-globex", userId: "user-admin-globex", consumerId: null, permissions: perms("administrator") };

const tool = (name: string) => assetTools.find((t) => t.name === name)!;
/** Validates the input like the MCP SDK does, runs the handler, checks the output like register.ts does. */
async function call(name: string, input: unknown, access = acme) {
  const t: ToolDefinition = tool(name);
  const result = await t.handler(t.input.parse(input), { access, ip: null });
  expect(t.output.safeParse(result.structured).success, `${name} output matches its schema`).toBe(true);
  expect(result.summary.length).toBeGreaterThan(0);
  return result.structured as Record<string, any>;
}

afterAll(async () => {
  await (await db()).$disconnect();
});

describe("asset tools", () => {
  it("are declared completely and their schemas render as JSON Schema", () => {
    expect(assetTools.map((t) => t.name)).toEqual(["search_assets", "get_asset", "list_locations", "record_meter_reading"]);
    for (const t of assetTools) {
      expect(t.scopes.length).toBeGreaterThan(0);
      expect(t.permission?.[0]).toBe("assets");
      expect(Object.keys(t.annotations).sort()).toEqual(["destructiveHint", "idempotentHint", "openWorldHint", "readOnlyHint"]);
      expect(() => z.toJSONSchema(t.input, { io: "input" })).not.toThrow();
      expect(() => z.toJSONSchema(t.output, { io: "output" })).not.toThrow();
    }
    expect(tool("record_meter_reading")).toMatchObject({ scopes: ["assets:write"], permission: ["assets", "edit"], annotations: { readOnlyHint: false } });
  });

  it("search_assets filters and pages", async () => {
    const out = await call("search_assets", { query: "pump", limit: 2 });
    expect(out.items).toHaveLength(2);
    expect(out.nextCursor).toBeTruthy();
    const next = await call("search_assets", { query: "pump", limit: 2, cursor: out.nextCursor });
    expect(next.items[0].code > out.items[1].code).toBe(true);
    const at = await call("search_assets", { locationId: "acme-loc-pn-ut", minCriticality: 4 });
    expect(at.items.map((a: { code: string }) => a.code)).toEqual(["UT-AC-01", "UT-AC-02", "UT-MSB-01"]);
  });

  it("get_asset by code returns meters, work orders, downtime and cost", async () => {
    const a = await call("get_asset", { code: "UT-AC-01", recentReadings: 3 });
    expect(a).toMatchObject({ id: "acme-asset-ut-ac-01", locationPath: "Plant North / Utilities Room" });
    expect(a.meters.length).toBe(3);
    expect(a.meters[0].recent).toHaveLength(3);
    expect(Array.isArray(a.openWorkOrders)).toBe(true);
    expect(a.cost.currency).toBe("USD");
    expect(a.cost.total).toBeCloseTo(a.cost.labour + a.cost.parts, 2);
    expect(a.downtime.last365Days.periods).toBeGreaterThanOrEqual(0);
    expect(() => tool("get_asset").input.parse({})).toThrow();
  });

  it("list_locations gives the whole tree with paths, or one location's children", async () => {
    const all = await call("list_locations", {});
    expect(all.locations[0]).toMatchObject({ code: "PN", depth: 0, path: "Plant North" });
    expect(all.locations.find((l: { code: string }) => l.code === "PN-UT")).toMatchObject({ depth: 1, path: "Plant North / Utilities Room" });
    const kids = await call("list_locations", { parentId: "acme-loc-ps" });
    expect(kids.locations.map((l: { code: string }) => l.code)).toEqual(["PS-BH", "PS-L3", "PS-L4", "PS-WH"]);
    expect(kids.locations[0].path).toBe("Plant South / Boiler House");
  });

  it("record_meter_reading returns the PM it makes due", async () => {
    await withTenant("tenant-acme", null, async (tx) => {
      await tx.maintenancePlan.create({ data: { id: "mcp-plan", tenantId: "tenant-acme", code: "MCP-1", name: "Boiler pressure check" } });
      await tx.planTrigger.create({
        data: { tenantId: "tenant-acme", planId: "mcp-plan", kind: "meter_threshold", meterId: "acme-meter-bh-blr-01-pressure", threshold: 2, direction: "below" },
      });
    });
    const low = await call("record_meter_reading", { meterId: "acme-meter-bh-blr-01-pressure", value: 1.2 });
    expect(low.triggeredPm).toEqual([expect.objectContaining({ planCode: "MCP-1", planName: "Boiler pressure check" })]);
    expect(low.reading.value).toBe(1.2);
    const source = await withTenant("tenant-acme", null, (tx) => tx.meterReading.findFirst({ where: { id: low.reading.id }, select: { source: true } }));
    expect(source?.source).toBe("mcp");
    await expect(call("record_meter_reading", { meterId: "acme-meter-bh-blr-01-runtime", value: 0 })).rejects.toMatchObject({ code: "invalid" });
  });
});

describe("asset tools across tenants", () => {
  it("acme's access with globex ids in every argument gets not found or no globex rows", async () => {
    const nf = { code: "not_found" };
    await expect(call("get_asset", { id: "globex-asset-wtp-rwp-01" })).rejects.toMatchObject(nf);
    const gCode = (await call("get_asset", { id: "globex-asset-wtp-rwp-01" }, globex)).code;
    await expect(call("get_asset", { code: gCode })).rejects.toMatchObject(nf);
    await expect(call("list_locations", { parentId: "globex-loc-wtp" })).rejects.toMatchObject(nf);
    await expect(call("record_meter_reading", { meterId: "globex-meter-wtp-rwp-01-vibration", value: 3 })).rejects.toMatchObject(nf);
    expect((await call("search_assets", { locationId: "globex-loc-wtp" })).items).toEqual([]);
    expect((await call("search_assets", { parentId: "globex-asset-wtp" })).items).toEqual([]);
    const gCursor = (await call("search_assets", { limit: 2 }, globex)).nextCursor;
    const viaCursor = await call("search_assets", { cursor: gCursor, limit: 100 });
    expect(viaCursor.items.filter((a: { id: string }) => a.id.startsWith("globex-"))).toEqual([]);
    const tree = await call("list_locations", {});
    expect(tree.locations.filter((l: { id: string }) => l.id.startsWith("globex-"))).toEqual([]);
    const readings = await withTenant("tenant-globex", null, (tx) =>
      tx.meterReading.count({ where: { meterId: "globex-meter-wtp-rwp-01-vibration", source: "mcp" } }),
    );
    expect(readings).toBe(0);
  });
});
