// The inventory tools called directly with an Access against the seeded database: part search, the
// reorder list, parts for upcoming PM, a stock movement, rights, and acme's access given globex's ids.
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { ToolDefinition } from "../define";
import { inventoryTools } from "./inventory";

const as = (tenantId: string, role: keyof typeof BUILT_IN_ROLES): Access => ({
  tenantId,
  userId: null,
  consumerId: null,
  permissions: toPermissions(BUILT_IN_ROLES[role].permissions),
});
const tech = as("tenant-acme", "technician");

async function call(name: string, input: unknown, access = tech) {
  const t: ToolDefinition = inventoryTools.find((x) => x.name === name)!;
  const result = await t.handler(t.input.parse(input), { access, ip: null });
  expect(t.output.safeParse(result.structured).success, `${name} output matches its schema`).toBe(true);
  expect(result.summary.length).toBeGreaterThan(0);
  return result.structured as Record<string, any>;
}

afterAll(async () => (await db()).$disconnect());

describe("inventory tools", () => {
  it("are declared with their scopes and render as JSON Schema", () => {
    expect(inventoryTools.map((t) => [t.name, t.scopes[0], t.annotations.readOnlyHint])).toEqual([
      ["search_parts", "inventory:read", true],
      ["list_stock_below_minimum", "inventory:read", true],
      ["list_parts_for_upcoming_pm", "inventory:read", true],
      ["record_stock_movement", "inventory:write", false],
    ]);
    for (const t of inventoryTools) {
      expect(() => z.toJSONSchema(t.input, { io: "input" })).not.toThrow();
      expect(() => z.toJSONSchema(t.output, { io: "output" })).not.toThrow();
    }
  });

  it("search_parts, list_stock_below_minimum and list_parts_for_upcoming_pm", async () => {
    const parts = await call("search_parts", { q: "filter", limit: 5 });
    expect(parts.items.length).toBeGreaterThan(0);
    for (const p of parts.items) expect(`${p.code} ${p.name}`.toLowerCase()).toContain("filter");
    const below = await call("list_stock_below_minimum", { limit: 100 });
    expect(below.items.length).toBeGreaterThan(0);
    for (const s of below.items) {
      expect(s.quantity).toBeLessThan(s.min);
      expect(s.toOrder).toBeGreaterThan(0);
    }
    const pm = await call("list_parts_for_upcoming_pm", { days: 90 });
    expect(pm.days).toBe(90);
    expect(pm.items.length).toBeGreaterThan(0);
  });

  it("record_stock_movement receives and refuses to go negative", async () => {
    const { items } = await call("list_stock_below_minimum", { limit: 1 });
    const s = items[0];
    const received = await call("record_stock_movement", { movement: { kind: "receipt", partId: s.part.id, warehouseId: s.warehouse.id, quantity: 5 } });
    expect(received.quantities[s.warehouse.id]).toBe(s.quantity + 5);
    await expect(
      call("record_stock_movement", { movement: { kind: "issue", partId: s.part.id, warehouseId: s.warehouse.id, quantity: s.quantity + 6 } }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      call("record_stock_movement", { movement: { kind: "receipt", partId: s.part.id, warehouseId: s.warehouse.id, quantity: 1 } }, as("tenant-acme", "read_only")),
    ).rejects.toMatchObject({ code: "forbidden" });
  });

  it("another tenant's ids are not found and leak nothing", async () => {
    const g = await withTenant("tenant-globex", null, (tx) => tx.stock.findFirstOrThrow({ select: { partId: true, warehouseId: true } }));
    await expect(call("list_stock_below_minimum", { warehouseId: g.warehouseId })).rejects.toMatchObject({ code: "not_found" });
    await expect(call("record_stock_movement", { movement: { kind: "receipt", partId: g.partId, warehouseId: g.warehouseId, quantity: 1 } })).rejects.toMatchObject({
      code: "not_found",
    });
    const globexPage = await call("search_parts", { limit: 1 }, as("tenant-globex", "administrator"));
    const viaCursor = await call("search_parts", { limit: 100, cursor: globexPage.nextCursor });
    expect(viaCursor.items.some((p: { id: string }) => p.id.startsWith("globex-"))).toBe(false);
  });
});
