// MCP rate limits (lib/mcp/limits.ts) through the endpoint's whole request path: per user and consumer, per
// tenant, 429 + Retry-After with a JSON-RPC error, and isolation — one user's or one tenant's flood leaves
// the others' calls alone. Limits are lowered through the same environment variables operators use.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { mcpEndpoint } from "@/lib/mcp/endpoint";
import { RPC_RATE_LIMITED } from "@/lib/mcp/http";
import { MCP_LIMIT_DEFAULTS, mcpLimits } from "@/lib/mcp/limits";
import { resourceIdentifier } from "@/lib/oauth/config";
import { clientCredentialsToken, connect, newConsumer, newGroup, newUser, ownerQuery, tenant, type Tenant } from "./mcp-fixtures";

const handler = mcpEndpoint(() => "10.9.8.7");
const SCOPES = ["workorders:read"];
const ENV = ["MCP_RATE_LIMIT_PER_USER", "MCP_RATE_LIMIT_PER_TENANT", "MCP_RATE_LIMIT_WINDOW_SECONDS"] as const;

let acme: Tenant;
let globex: Tenant;

beforeAll(async () => {
  acme = await tenant("acme");
  globex = await tenant("globex");
});
// Hour-long windows, and never a test started in a window's last 30 s, so no count restarts mid-test.
const WINDOW = 3600;
beforeEach(async () => {
  process.env.MCP_RATE_LIMIT_WINDOW_SECONDS = String(WINDOW);
  const left = WINDOW * 1000 - (Date.now() % (WINDOW * 1000));
  if (left < 30_000) await new Promise((r) => setTimeout(r, left + 50));
});
afterEach(() => {
  for (const name of ENV) delete process.env[name];
});
afterAll(async () => {
  await (await db()).$disconnect();
});

let nextId = 1;
async function ping(token: string) {
  const id = nextId++;
  const res = await handler(
    new Request(resourceIdentifier(), {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${token}` },
      body: JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name: "whoami", arguments: {} } }),
    }),
  );
  const text = await res.text();
  const json = text.startsWith("{") ? JSON.parse(text) : JSON.parse(text.split("\n").find((l) => l.startsWith("data: "))!.slice(6));
  return { id, status: res.status, retryAfter: res.headers.get("retry-after"), body: json };
}

async function userToken(t: Tenant) {
  const user = await newUser(t, "technician");
  return connect(t, user.id, await newConsumer(t), SCOPES);
}

describe("MCP rate limits", () => {
  it("defaults: 120 calls a minute per user and consumer, 1,200 per tenant", () => {
    delete process.env.MCP_RATE_LIMIT_WINDOW_SECONDS;
    expect(mcpLimits()).toEqual({ perUser: 120, perTenant: 1200, windowSeconds: 60 });
    expect(MCP_LIMIT_DEFAULTS).toEqual({ perUser: 120, perTenant: 1200, windowSeconds: 60 });
  });

  it("per user and consumer: the call after the limit is a 429 with Retry-After; a colleague is unaffected", async () => {
    process.env.MCP_RATE_LIMIT_PER_USER = "3";
    const [flooder, colleague] = [await userToken(acme), await userToken(acme)];
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await ping(flooder));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    const refused = answers[3];
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(WINDOW);
    expect(refused.body).toEqual({
      jsonrpc: "2.0",
      id: refused.id,
      error: { code: RPC_RATE_LIMITED, message: expect.stringMatching(/^Rate limit exceeded: 3 calls per 3600 s for this user and connection/), data: { scope: "user", limit: 3, windowSeconds: WINDOW, retryAfter: Number(refused.retryAfter) } },
    });
    expect((await ping(colleague)).status).toBe(200);
  });

  it("a client-credentials token is limited as its consumer", async () => {
    process.env.MCP_RATE_LIMIT_PER_USER = "2";
    const groupId = await newGroup(acme, { workorders: ["view"] });
    const machine = await newConsumer(acme, { groupId, clientCredentials: true });
    const token = await clientCredentialsToken(machine, SCOPES);
    expect([(await ping(token)).status, (await ping(token)).status, (await ping(token)).status]).toEqual([200, 200, 429]);
  });

  it("per tenant: a tenant over its limit gets 429s, another tenant keeps working; refused calls do not count", async () => {
    process.env.MCP_RATE_LIMIT_PER_USER = "2";
    process.env.MCP_RATE_LIMIT_PER_TENANT = "4";
    const [a, b, c] = [await userToken(globex), await userToken(globex), await userToken(globex)];
    const other = await userToken(acme);
    // Earlier tests in this window counted acme's calls: start both tenants from zero (this file's own database).
    await ownerQuery(`DELETE FROM "RateLimit" WHERE "key" LIKE 'mcp:tenant:%'`);
    // a: 2 allowed + 3 refused by its own limit — only 2 reach the tenant's counter.
    const aStatuses = [];
    for (let i = 0; i < 5; i++) aStatuses.push((await ping(a)).status);
    expect(aStatuses).toEqual([200, 200, 429, 429, 429]);
    expect([(await ping(b)).status, (await ping(b)).status]).toEqual([200, 200]);
    const tenantRefused = await ping(c);
    expect(tenantRefused.status).toBe(429);
    expect(tenantRefused.body.error.data).toMatchObject({ scope: "tenant", limit: 4 });
    expect(tenantRefused.body.error.message).toMatch(/for this organisation/);
    expect((await ping(other)).status).toBe(200);
  });

  it("0 switches a limit off; an invalid setting keeps the default", async () => {
    process.env.MCP_RATE_LIMIT_PER_USER = "0";
    process.env.MCP_RATE_LIMIT_PER_TENANT = "0";
    const token = await userToken(acme);
    for (let i = 0; i < 5; i++) expect((await ping(token)).status).toBe(200);
    process.env.MCP_RATE_LIMIT_PER_USER = "lots";
    expect(mcpLimits().perUser).toBe(120);
  });

  it("no limit is counted for a request without a valid token (401 first)", async () => {
    process.env.MCP_RATE_LIMIT_PER_USER = "1";
    const res = await ping("fettle_at_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    expect(res.status).toBe(401);
  });
});
