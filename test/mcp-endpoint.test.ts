// The MCP endpoint's whole request path (lib/mcp/endpoint.ts: Origin → body bound → token → rights → MCP
// server → tools) in-process, driven by the real client libraries over its fetch face, against the real
// database with tokens from the real token endpoint code. The same acceptance items run over real HTTP
// against `next start`, with the OAuth flow in Chromium, in e2e/mcp-*.spec.ts.
import { Client as Client2025 } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as Transport2025 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mcpEndpoint } from "@/lib/mcp/endpoint";
import { TOOLS } from "@/lib/mcp/tools";
import { resourceIdentifier } from "@/lib/oauth/config";
import { connect, newConsumer, newGroup, newUser, ownerQuery, setRole, tenant, tokenForOtherResource, type Tenant } from "./mcp-fixtures";

const URL_ = resourceIdentifier();
const handler = mcpEndpoint(() => "10.9.8.7");
const viaHandler = (url: string | URL, init?: RequestInit) => handler(new Request(url, init));
const ALL = ["workorders:read", "workorders:write", "assets:read", "requests:read"];

let acme: Tenant;
let globex: Tenant;
let globexWorkOrder: { id: string; code: string };

beforeAll(async () => {
  acme = await tenant("acme");
  globex = await tenant("globex");
  [globexWorkOrder] = await ownerQuery<{ id: string; code: string }>(`SELECT id, code FROM "WorkOrder" WHERE "tenantId" = $1 ORDER BY id LIMIT 1`, [globex.id]);
});

afterAll(async () => {
  await (await db()).$disconnect();
});

async function client2026(token: string) {
  const client = new Client({ name: "fettle-test-2026", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
  await client.connect(new StreamableHTTPClientTransport(new URL(URL_), { requestInit: { headers: { Authorization: `Bearer ${token}` } }, fetch: viaHandler }));
  return client;
}

async function client2025(token: string) {
  const client = new Client2025({ name: "fettle-test-2025", version: "1.0.0" });
  await client.connect(new Transport2025(new URL(URL_), { requestInit: { headers: { Authorization: `Bearer ${token}` } }, fetch: viaHandler }));
  return client;
}

/** One raw JSON-RPC POST; SSE answers are unwrapped. */
async function rpc(token: string | null, body: unknown, headers: Record<string, string> = {}) {
  const res = await handler(
    new Request(URL_, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
  const text = await res.text();
  const data = text.startsWith("event:") || text.startsWith("data:") ? text.split("\n").find((l) => l.startsWith("data: "))!.slice(6) : text;
  return { status: res.status, headers: res.headers, body: data ? JSON.parse(data) : null };
}

const call = (token: string, name: string, args: Record<string, unknown> = {}, id: number | string = 1) =>
  rpc(token, { jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });

const auditRows = (userId: string) =>
  ownerQuery<{ action: string; consumerId: string | null; userId: string; entityId: string; after: Record<string, unknown>; ip: string }>(
    `SELECT action, "consumerId", "userId", "entityId", after, ip FROM "AuditLog" WHERE "userId" = $1 AND action LIKE 'mcp.%' ORDER BY at`,
    [userId],
  );

describe("MCP endpoint with real clients", () => {
  it("2025 client: lists every tool with all four hints and both schemas, calls whoami and a read tool", async () => {
    const user = await newUser(acme, "technician");
    const client = await client2025(await connect(acme, user.id, await newConsumer(acme), ALL));
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS.map((t) => t.name).sort());
    for (const tool of tools) {
      for (const hint of ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const) {
        expect(typeof tool.annotations?.[hint], `${tool.name}.${hint}`).toBe("boolean");
      }
      expect(tool.inputSchema.type, tool.name).toBe("object");
      expect(tool.outputSchema?.type, tool.name).toBe("object");
    }
    const me = await client.callTool({ name: "whoami", arguments: {} });
    expect(me.structuredContent).toMatchObject({ tenant: { slug: "acme" }, user: { email: user.email }, scopes: ALL.sort() });
    const list = await client.callTool({ name: "search_work_orders", arguments: { limit: 3 } });
    expect(list.isError).toBeFalsy();
    expect((list.structuredContent as { items: unknown[] }).items).toHaveLength(3);
    await client.close();
  });

  it("2026-07-28 client: negotiates the new revision, reads and writes, and the write is audited with consumer and user", async () => {
    const user = await newUser(acme, "technician");
    const consumer = await newConsumer(acme);
    const client = await client2026(await connect(acme, user.id, consumer, ALL));
    expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
    expect((await client.callTool({ name: "whoami", arguments: {} })).structuredContent).toMatchObject({ user: { email: user.email } });
    const created = await client.callTool({ name: "create_work_order", arguments: { title: "Conveyor 3 belt slipping", priority: 2 } });
    expect(created.isError, JSON.stringify(created.content)).toBeFalsy();
    const { code } = created.structuredContent as { code: string };
    expect(code).toMatch(/^WO-\d+$/);
    const rows = await auditRows(user.id);
    expect(rows).toEqual([
      expect.objectContaining({ action: "mcp.create_work_order", consumerId: consumer.id, entityId: "create_work_order", ip: "10.9.8.7" }),
    ]);
    expect(rows[0].after).toMatchObject({ input: { title: "Conveyor 3 belt slipping" }, result: { code } });
    await client.close();
  });
});

describe("rights", () => {
  it("a missing scope is an HTTP 403 insufficient_scope challenge naming it, and an audited denial", async () => {
    const user = await newUser(acme, "administrator");
    const token = await connect(acme, user.id, await newConsumer(acme), ["workorders:read"]);
    const res = await call(token, "create_work_order", { title: "nope" });
    expect(res.status).toBe(403);
    const challenge = res.headers.get("www-authenticate")!;
    expect(challenge).toMatch(/^Bearer /);
    expect(challenge).toContain('error="insufficient_scope"');
    expect(challenge).toContain('scope="workorders:write"');
    expect(challenge).toContain(`resource_metadata="${new URL(URL_).origin}/.well-known/oauth-protected-resource/api/mcp"`);
    expect(await auditRows(user.id)).toEqual([expect.objectContaining({ action: "mcp.denied", entityId: "create_work_order" })]);
    // The 2026-07-28 path challenges the same way; the 2.x client surfaces it for a step-up.
    const client = await client2026(token);
    await expect(client.callTool({ name: "create_work_order", arguments: { title: "nope" } })).rejects.toThrow(/Insufficient scope: required "workorders:write"/);
    await client.close();
  });

  it("a right the role lacks is refused before any query (no row written), with an audit row", async () => {
    const user = await newUser(acme, "administrator");
    const token = await connect(acme, user.id, await newConsumer(acme), ALL);
    await setRole(acme, user.id, "read_only");
    const before = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "WorkOrder" WHERE "tenantId" = $1`, [acme.id]);
    const res = await call(token, "create_work_order", { title: "Should not exist" });
    expect(res.body.result.isError).toBe(true);
    expect(res.body.result.content[0].text).toMatch(/permission/);
    const after = await ownerQuery<{ n: number }>(`SELECT count(*)::int AS n FROM "WorkOrder" WHERE "tenantId" = $1`, [acme.id]);
    expect(after[0].n).toBe(before[0].n);
    const [row] = await auditRows(user.id);
    expect(row).toMatchObject({ action: "mcp.denied", entityId: "create_work_order", after: { reason: "permission", needed: "workorders:create" } });
  });

  it("a consumer whose group lacks work order write cannot write, even for an administrator", async () => {
    const user = await newUser(acme, "administrator");
    const groupId = await newGroup(acme, { workorders: ["view"], assets: ["view"] });
    const token = await connect(acme, user.id, await newConsumer(acme, { groupId }), ALL);
    const res = await call(token, "create_work_order", { title: "Should not exist" });
    expect(res.body.result.isError).toBe(true);
    expect((await call(token, "search_work_orders", { limit: 1 })).body.result.isError).toBeFalsy();
  });

  it("tenant A's token with tenant B's ids gets 'Not found' and nothing of B", async () => {
    const user = await newUser(acme, "administrator");
    const token = await connect(acme, user.id, await newConsumer(acme), ALL);
    for (const ref of [globexWorkOrder.id, globexWorkOrder.code]) {
      const res = await call(token, "get_work_order", { workOrder: ref });
      if (ref === globexWorkOrder.code) {
        // Codes are per tenant: acme has its own work order with the same code, never globex's row.
        expect(JSON.stringify(res.body)).not.toContain(globexWorkOrder.id);
        continue;
      }
      expect(res.body.result).toMatchObject({ isError: true, content: [{ type: "text", text: "Not found" }] });
    }
    const read = await rpc(token, { jsonrpc: "2.0", id: 1, method: "resources/read", params: { uri: `fettle://work-orders/${globexWorkOrder.id}` } });
    expect(read.body.error.message).toMatch(/not found/i);
  });
});

describe("HTTP behaviour", () => {
  it("401 challenges with resource_metadata and scope for a missing, unknown, wrong-audience or revoked token", async () => {
    const user = await newUser(acme, "technician");
    const consumer = await newConsumer(acme);
    const revoked = await connect(acme, user.id, consumer, ALL);
    expect((await rpc(revoked, { jsonrpc: "2.0", id: 1, method: "ping" })).status).toBe(200);
    await ownerQuery(`UPDATE "Authorization" SET "revokedAt" = now() WHERE "userId" = $1`, [user.id]);
    const other = await newUser(acme, "technician");
    const cases = {
      missing: null,
      unknown: "fettle_at_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      "wrong audience": await tokenForOtherResource(acme, other.id, consumer, ALL),
      revoked,
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await rpc(token, { jsonrpc: "2.0", id: 1, method: "ping" });
      expect(res.status, name).toBe(401);
      const challenge = res.headers.get("www-authenticate")!;
      expect(challenge, name).toContain(`resource_metadata="${new URL(URL_).origin}/.well-known/oauth-protected-resource/api/mcp"`);
      expect(challenge, name).toMatch(/scope="[^"]*workorders:read[^"]*"/);
    }
  });

  it("rejects foreign Origins, oversized bodies and malformed JSON-RPC without stack traces", async () => {
    const user = await newUser(acme, "technician");
    const token = await connect(acme, user.id, await newConsumer(acme), ALL);
    const ping = { jsonrpc: "2.0", id: 1, method: "ping" };
    expect((await rpc(token, ping, { origin: "https://evil.example" })).status).toBe(403);
    expect((await rpc(token, ping, { origin: "null" })).status).toBe(403);
    expect((await rpc(token, ping, { origin: new URL(URL_).origin })).status).toBe(200);
    const big = await rpc(token, { ...ping, params: { pad: "x".repeat(1024 * 1024) } });
    expect(big).toMatchObject({ status: 413, body: { jsonrpc: "2.0", error: { code: -32600 } } });
    const malformed = await rpc(token, '{"jsonrpc": "2.0", "id": 1,');
    expect(malformed).toMatchObject({ status: 400, body: { jsonrpc: "2.0", error: { code: -32700 } } });
    const unknownTool = await call(token, "no_such_tool");
    expect(JSON.stringify(unknownTool.body)).not.toMatch(/\bat \S+\.(ts|js):\d+/);
  });

  it("two concurrent callers with the same JSON-RPC id each get only their own result", async () => {
    const a = await newUser(acme, "technician");
    const b = await newUser(acme, "read_only");
    const [ta, tb] = [await connect(acme, a.id, await newConsumer(acme), ALL), await connect(acme, b.id, await newConsumer(acme), ALL)];
    const calls = Array.from({ length: 20 }, (_, i) => (i % 2 ? { who: b, token: tb } : { who: a, token: ta }));
    const results = await Promise.all(calls.map(({ token }) => call(token, "whoami", {}, 1)));
    results.forEach((res, i) => {
      expect(res.body.id).toBe(1);
      expect(res.body.result.structuredContent.user.email).toBe(calls[i].who.email);
    });
  });
});
