// Tool registration (lib/mcp/register.ts) on its own: how failures become client text, the scope check
// where no HTTP layer can challenge, prompts, and the conformance endpoint's test-mode gate. The fixture
// tools here exercise the registration path; the domain tools are exercised in mcp-endpoint.test.ts.
import { Client } from "@modelcontextprotocol/client";
import { InMemoryTransport, McpServer, type AuthInfo } from "@modelcontextprotocol/server";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authInfoFor } from "@/lib/mcp/auth";
import { defineTool, READ_ONLY, UPDATES, type ToolDefinition } from "@/lib/mcp/define";
import { registerPrompts } from "@/lib/mcp/prompts";
import { registerTools } from "@/lib/mcp/register";
import { TOOLS } from "@/lib/mcp/tools";
import { accessFromToken } from "@/lib/tenancy/token-access";
import { connect, newConsumer, newUser, ownerQuery, tenant } from "./mcp-fixtures";

const fixture = (name: string, handler: ToolDefinition["handler"], extra: Partial<ToolDefinition> = {}): ToolDefinition =>
  defineTool({
    name,
    title: name,
    description: `fixture ${name}`,
    scopes: ["workorders:read"],
    permission: ["workorders", "view"],
    annotations: READ_ONLY,
    input: z.object({}),
    output: z.object({ ok: z.boolean() }),
    handler,
    ...extra,
  });

const FIXTURES: ToolDefinition[] = [
  fixture("boom", async () => {
    throw new Error("connect ECONNREFUSED postgres://app:s3cret@db.internal/fettle");
  }),
  fixture("invalid", async () => {
    throw new AppError("invalid", "Due date must be after the start date");
  }),
  fixture("hidden", async () => {
    throw new AppError("not_found", "Work order acme-wo-000042 not found in tenant globex");
  }),
  fixture("bad_output", async () => ({ structured: { ok: "yes" } as never, summary: "?" })),
  fixture("plan_write", async () => ({ structured: { ok: true }, summary: "done" }), { scopes: ["plans:write"], permission: ["plans", "edit"], annotations: UPDATES }),
];

let authInfo: AuthInfo;
let userId: string;

/** An McpServer over an in-process transport whose every message carries the caller's AuthInfo. */
async function connected(register: (server: McpServer) => void) {
  const server = new McpServer({ name: "fixture", version: "1" });
  register(server);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const send = clientSide.send.bind(clientSide);
  clientSide.send = (message, options) => send(message, { ...options, authInfo });
  await server.connect(serverSide);
  const client = new Client({ name: "fixture-client", version: "1" });
  await client.connect(clientSide as never);
  return client;
}

beforeAll(async () => {
  const acme = await tenant("acme");
  const user = await newUser(acme, "technician");
  userId = user.id;
  const check = await accessFromToken(await connect(acme, user.id, await newConsumer(acme), ["workorders:read"]));
  if (!check.ok) throw new Error("token rejected");
  authInfo = authInfoFor("t", { caller: check.caller, ip: "10.1.1.1" });
});

afterAll(async () => {
  await (await db()).$disconnect();
});

describe("registerTools", () => {
  it("maps errors: AppError messages pass, not_found is generic, anything else is 'Internal error' and logged", async () => {
    const client = await connected((s) => registerTools(s, FIXTURES));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const text = async (name: string) => {
        const res = await client.callTool({ name, arguments: {} });
        expect(res.isError, name).toBe(true);
        return (res.content as { text: string }[])[0].text;
      };
      expect(await text("boom")).toBe("Internal error");
      expect(JSON.stringify(logged.mock.calls)).toContain("ECONNREFUSED");
      expect(await text("invalid")).toBe("Due date must be after the start date");
      expect(await text("hidden")).toBe("Not found");
      expect(await text("bad_output")).toBe("Internal error");
    } finally {
      logged.mockRestore();
    }
  });

  it("checks scopes itself where no HTTP challenge is possible, and audits the denial", async () => {
    const client = await connected((s) => registerTools(s, FIXTURES));
    const res = await client.callTool({ name: "plan_write", arguments: {} });
    expect(res.isError).toBe(true);
    expect((res.content as { text: string }[])[0].text).toMatch(/plans:write/);
    const rows = await ownerQuery(`SELECT action, "entityId", after, ip FROM "AuditLog" WHERE "userId" = $1 AND action = 'mcp.denied'`, [userId]);
    expect(rows).toEqual([{ action: "mcp.denied", entityId: "plan_write", after: { reason: "insufficient_scope", needed: ["plans:write"] }, ip: "10.1.1.1" }]);
  });

  it("docs/mcp.md documents every registered tool with its scopes", () => {
    const doc = fs.readFileSync("docs/mcp.md", "utf8");
    for (const tool of TOOLS) {
      const row = doc.split("\n").find((line) => line.startsWith(`| \`${tool.name}\` |`));
      expect(row, `docs/mcp.md has no row for ${tool.name}`).toBeTruthy();
      for (const scope of tool.scopes) expect(row, tool.name).toContain(`\`${scope}\``);
    }
  });

  it("registers the prompts with their arguments", async () => {
    const client = await connected(registerPrompts);
    const { prompts } = await client.listPrompts();
    expect(prompts.map((p) => p.name).sort()).toEqual(["asset-health-review", "weekly-maintenance-report"]);
    const review = await client.getPrompt({ name: "asset-health-review", arguments: { asset: "CMP-001" } });
    expect((review.messages[0].content as { text: string }).text).toContain('"CMP-001"');
    // The prompts steer the model to tools by name: every name they mention must exist.
    const report = await client.getPrompt({ name: "weekly-maintenance-report", arguments: {} });
    const text = [review, report].map((p) => (p.messages[0].content as { text: string }).text).join("\n");
    const named = [...new Set(text.match(/\b[a-z]+(?:_[a-z]+)+\b|\bwhoami\b/g))];
    expect(named.length).toBeGreaterThan(8);
    expect(named.filter((n) => !TOOLS.some((t) => t.name === n))).toEqual([]);
  });
});

describe("conformance endpoint (test mode)", () => {
  const env = { ...process.env };
  const request = (host = "127.0.0.1:3000") =>
    new Request(`http://${host}/api/mcp/conformance`, {
      method: "POST",
      headers: { host, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "whoami", arguments: {} } }),
    });
  async function endpointWith(vars: Record<string, string | undefined>) {
    Object.assign(process.env, vars);
    vi.resetModules();
    const { conformanceEndpoint } = await import("@/lib/mcp/endpoint");
    return conformanceEndpoint();
  }
  afterAll(() => {
    process.env = env;
  });

  it("does not exist without FETTLE_MCP_TEST_MODE=1", async () => {
    expect((await (await endpointWith({ FETTLE_MCP_TEST_MODE: undefined }))(request())).status).toBe(404);
  });

  it("refuses to run in production unless APP_URL is loopback, and only answers loopback hosts", async () => {
    const prod = await endpointWith({ FETTLE_MCP_TEST_MODE: "1", NODE_ENV: "production", APP_URL: "https://fettle.example.com" });
    expect((await prod(request())).status).toBe(404);
    const local = await endpointWith({ FETTLE_MCP_TEST_MODE: "1", NODE_ENV: "production", APP_URL: "http://127.0.0.1:3000" });
    expect((await local(request("fettle.example.com"))).status).toBe(404);
    const res = await local(request());
    expect(res.status).toBe(200);
    const body = JSON.parse((await res.text()).split("\n").find((l) => l.startsWith("data: "))!.slice(6));
    // The fixed caller: the Read-only demo user, so a conformance run can never change demo data.
    expect(body.result.structuredContent).toMatchObject({ user: { email: "viewer@acme.test" }, consumer: null });
    expect(body.result.structuredContent.permissions.every((p: string) => p.endsWith(":view"))).toBe(true);
  });
});
