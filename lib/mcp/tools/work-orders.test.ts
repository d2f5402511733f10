// The work order MCP tools, called in-process with an Access (the HTTP door is tested by the MCP server's
// own tests): declarations, argument validation by their zod schemas, outputs that match their output
// schemas, clear errors, and tenant isolation in every id, filter and cursor argument.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { Access } from "@/lib/tenancy/access";
import { ACME, acmeAdmin, acmeTech, accessAs, GLOBEX, globexAdmin, sampleIds, USERS } from "@/test/work-orders-fixtures";
import type { ToolDefinition } from "../define";
import { workOrderTools } from "./work-orders";

const tool = (name: string) => {
  const t = workOrderTools.find((x) => x.name === name);
  if (!t) throw new Error(`no tool ${name}`);
  return t;
};

/** What the MCP layer does around a handler: validate input, run, check the output against its schema. */
async function call(name: string, args: unknown, access: Access) {
  const t = tool(name);
  const input = t.input.parse(args);
  const { structured, summary } = await t.handler(input, { access, ip: null });
  return { data: t.output.parse(structured) as any, summary };
}

let acme: Awaited<ReturnType<typeof sampleIds>>;
let globex: Awaited<ReturnType<typeof sampleIds>>;
beforeAll(async () => {
  [acme, globex] = [await sampleIds(ACME), await sampleIds(GLOBEX)];
});
afterAll(async () => {
  await (await db()).$disconnect();
});

describe("declarations", () => {
  it("name, scope and permission every tool consistently, with JSON Schemas the MCP SDK can publish", () => {
    const names = workOrderTools.map((t) => t.name);
    expect(names).toEqual([
      "search_work_orders",
      "get_work_order",
      "create_work_order",
      "update_work_order",
      "change_work_order_status",
      "assign_work_order",
      "add_work_order_comment",
      "log_work_order_time",
      "list_assignable_users",
    ]);
    for (const t of workOrderTools as ToolDefinition[]) {
      const reads = t.annotations.readOnlyHint;
      expect(t.scopes, t.name).toEqual([reads ? "workorders:read" : "workorders:write"]);
      expect(t.permission?.[0], t.name).toBe("workorders");
      expect(reads ? ["view"] : ["create", "edit"], t.name).toContain(t.permission?.[1]);
      expect(t.description.length, t.name).toBeGreaterThan(80);
      expect(z.toJSONSchema(t.input, { io: "input" }).type, t.name).toBe("object");
      expect(() => z.toJSONSchema(t.output, { io: "output" }), t.name).not.toThrow();
    }
  });
});

describe("arguments", () => {
  it("are validated by the input schemas", () => {
    const bad: [string, unknown][] = [
      ["search_work_orders", { status: ["done"] }],
      ["search_work_orders", { priority: [0] }],
      ["search_work_orders", { dueBefore: "next week" }],
      ["create_work_order", { title: "" }],
      ["create_work_order", { title: "x", type: "repair" }],
      ["create_work_order", { title: "x", checklist: [{ label: "y", kind: "photo" }] }],
      ["change_work_order_status", { workOrder: "WO-000001", status: "closed" }],
      ["log_work_order_time", { workOrder: "WO-000001", minutes: 0 }],
      ["log_work_order_time", { workOrder: "WO-000001", minutes: 2000 }],
      ["assign_work_order", { workOrder: "WO-000001" }],
      ["get_work_order", {}],
    ];
    for (const [name, args] of bad) expect(tool(name).input.safeParse(args).success, `${name} ${JSON.stringify(args)}`).toBe(false);
  });
});

describe("a technician's conversation", () => {
  it("creates, finds, assigns, starts, comments, logs time and reads back a work order", async () => {
    const tech = acmeTech();
    const created = await call(
      "create_work_order",
      { title: "Conveyor 3 belt slipping", priority: 1, assetId: acme.childAsset, tasks: ["Inspect belt"], checklist: [{ label: "Tension OK", kind: "yes_no" }] },
      tech,
    );
    expect(created.data).toMatchObject({ status: "open", code: expect.stringMatching(/^WO-\d{6}$/) });
    const code = created.data.code;

    const people = await call("list_assignable_users", { q: "taylor" }, tech);
    expect(people.data.users).toEqual([{ id: USERS.tech, name: "Taylor Reyes", email: "tech@acme.test", role: "Technician" }]);
    await call("assign_work_order", { workOrder: code, assignees: [people.data.users[0].email] }, tech);

    const found = await call("search_work_orders", { q: code }, tech);
    expect(found.data.total).toBe(1);
    expect(found.data.items[0]).toMatchObject({ code, priority: 1, status: "open", assignees: ["Taylor Reyes"], overdue: false });

    const illegal = await call("change_work_order_status", { workOrder: code, status: "completed" }, tech).catch((e) => e);
    expect(illegal).toMatchObject({ code: "conflict", message: `${code} cannot move from open to completed. Allowed next statuses: in_progress, cancelled.` });

    const started = await call("change_work_order_status", { workOrder: code, status: "in_progress" }, tech);
    expect(started.data).toMatchObject({ from: "open", status: "in_progress", allowedTransitions: ["on_hold", "in_review", "cancelled"] });
    expect(started.summary).toBe(`${code}: open → in_progress.`);
    await call("add_work_order_comment", { workOrder: code, body: "Belt glazed, replacing." }, tech);
    const time = await call("log_work_order_time", { workOrder: code, minutes: 45 }, tech);
    expect(time.data).toMatchObject({ code, minutes: 45, user: { id: USERS.tech } });
    expect(time.data.cost).toBeCloseTo((45 / 60) * time.data.rate, 2);
    const updated = await call("update_work_order", { workOrder: code, dueAt: "2030-01-31", estimatedHours: 2 }, tech);
    expect(updated.data.changed.sort()).toEqual(["dueAt", "estimatedHours"]);

    const got = await call("get_work_order", { workOrder: code }, tech);
    expect(got.data).toMatchObject({
      code,
      status: "in_progress",
      allowedTransitions: ["on_hold", "in_review", "cancelled"],
      tasks: [{ description: "Inspect belt", done: false }],
      checklist: [{ label: "Tension OK", kind: "yes_no", value: null }],
      comments: [{ author: "Taylor Reyes", body: "Belt glazed, replacing." }],
      commentCount: 1,
      timeEntries: [{ user: "Taylor Reyes", minutes: 45 }],
      totals: { minutes: 45 },
    });
    expect(got.data.startedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(got.data.history.map((h: { action: string }) => h.action)).toEqual([
      "workorder.update",
      "workorder.time",
      "workorder.comment",
      "workorder.status",
      "workorder.assign",
      "workorder.create",
    ]);
    expect(got.summary).toContain(`${code} "Conveyor 3 belt slipping": in_progress, priority 1, due 2030-0`);
  });

  it("searches by filters and pages with the cursor", async () => {
    const overdue = await call("search_work_orders", { overdue: true, locationId: acme.parentLocation, limit: 5 }, acmeAdmin());
    expect(overdue.data.items.length).toBeLessThanOrEqual(5);
    expect(overdue.data.items.every((w: { overdue: boolean }) => w.overdue)).toBe(true);
    const first = await call("search_work_orders", { status: ["completed"], limit: 3 }, acmeAdmin());
    const second = await call("search_work_orders", { status: ["completed"], limit: 3, cursor: first.data.nextCursor }, acmeAdmin());
    expect(first.data.total).toBeGreaterThan(3);
    expect(second.data.total).toBeNull();
    expect(second.data.items.map((w: { id: string }) => w.id)).not.toContain(first.data.items[0].id);
  });

  it("a read-only user's calls that write are refused by lib/data even if called directly", async () => {
    const viewer = accessAs(ACME, USERS.viewer, "read_only");
    expect((await call("search_work_orders", { limit: 1 }, viewer)).data.items).toHaveLength(1);
    await expect(call("create_work_order", { title: "x" }, viewer)).rejects.toMatchObject({ code: "forbidden" });
    await expect(call("log_work_order_time", { workOrder: acme.openWorkOrder.id, minutes: 5 }, viewer)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("tenant isolation", () => {
  it("acme's token given globex ids gets not found, and globex data never appears", async () => {
    const a = acmeAdmin();
    const g = globex.openWorkOrder;
    const attempts: [string, unknown][] = [
      ["get_work_order", { workOrder: g.id }],
      ["update_work_order", { workOrder: g.id, title: "x" }],
      ["change_work_order_status", { workOrder: g.id, status: "cancelled" }],
      ["assign_work_order", { workOrder: g.id, assignees: [] }],
      ["add_work_order_comment", { workOrder: g.id, body: "x" }],
      ["log_work_order_time", { workOrder: g.id, minutes: 5 }],
      ["search_work_orders", { assetId: globex.parentAsset }],
      ["search_work_orders", { locationId: globex.parentLocation }],
      ["search_work_orders", { assignee: USERS.globexAdmin }],
      ["create_work_order", { title: "x", assetId: globex.childAsset }],
      ["create_work_order", { title: "x", assignees: ["admin@globex.test"] }],
      ["assign_work_order", { workOrder: acme.openWorkOrder.id, assignees: [USERS.globexAdmin] }],
      ["log_work_order_time", { workOrder: acme.openWorkOrder.id, minutes: 5, user: USERS.globexAdmin }],
    ];
    for (const [name, args] of attempts) {
      await expect(call(name, args, a), `${name} ${JSON.stringify(args)}`).rejects.toMatchObject({ code: "not_found" });
    }
    const cursor = (await call("search_work_orders", { limit: 2 }, globexAdmin())).data.nextCursor;
    const page = await call("search_work_orders", { limit: 100, cursor }, a);
    expect(page.data.items.filter((w: { id: string }) => w.id.startsWith("globex-"))).toEqual([]);
    const people = await call("list_assignable_users", {}, a);
    expect(people.data.users.map((u: { email: string }) => u.email).filter((e: string) => e.endsWith("@globex.test"))).toEqual([]);
    const byCode = await call("get_work_order", { workOrder: g.code }, a);
    expect(byCode.data.id).not.toBe(g.id);
  });
});
