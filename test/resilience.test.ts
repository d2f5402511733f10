// What clients see while PostgreSQL is away, through the real request paths (the MCP endpoint and the token
// endpoint's handler, in-process) against this file's own database: 503 + Retry-After in each endpoint's
// shape, never a 401 that would throw away a good token, never a 200 hiding the outage, recovery as soon as
// the database is back. And the transactions: a code exchange, a refresh rotation or a write tool whose
// connection dies half-way leaves nothing behind, so the client can simply retry.
// The outages are real: `ALTER DATABASE … ALLOW_CONNECTIONS false` + pg_terminate_backend on this file's
// database only, or a row lock that parks the app's transaction until its backend is killed.
import { createHash, randomBytes } from "node:crypto";
import { Client as Client2025 } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as Transport2025 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findClient } from "@/lib/data/oauth-clients";
import { grantCode } from "@/lib/data/oauth-grants";
import { db } from "@/lib/db/client";
import { RETRY_AFTER_SECONDS } from "@/lib/db/errors";
import { mcpEndpoint } from "@/lib/mcp/endpoint";
import { RPC_UNAVAILABLE } from "@/lib/mcp/http";
import { resourceIdentifier } from "@/lib/oauth/config";
import { oauthHandler, readForm } from "@/lib/oauth/http";
import { handleTokenRequest } from "@/lib/oauth/token";
import { newSecret, sha256 } from "@/lib/oauth/tokens";
import { newConsumer, newUser, ownerQuery, tenant, type Consumer, type Tenant } from "./mcp-fixtures";

const url = process.env.DATABASE_URL;
const dbName = url ? new URL(url).pathname.slice(1) : "";
const onServer = (name: string) => Object.assign(new URL(url ?? "postgresql://x/x"), { pathname: `/${name}` }).toString();

const MCP = resourceIdentifier();
const REDIRECT = "https://client.example/cb";
const SCOPES = ["workorders:read", "workorders:write"];
const mcp = mcpEndpoint(() => "10.1.2.3");
const tokenEndpoint = oauthHandler(async (req) => handleTokenRequest(await readForm(req), req.headers, null));

let acme: Tenant;
let consumer: Consumer;
let userId: string;
let server: pg.Client; // on the `postgres` database: survives killing this file's backends

beforeAll(async () => {
  if (!url) return;
  acme = await tenant("acme");
  userId = (await newUser(acme, "technician")).id;
  consumer = await newConsumer(acme);
  server = new pg.Client({ connectionString: onServer("postgres") });
  await server.connect();
});
afterAll(async () => {
  if (!url) return;
  await server.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
  await server.end();
  await (await db()).$disconnect();
});

/** Consent, as the authorization endpoint records it: a fresh code and its verifier. */
async function newCode() {
  const code = newSecret("fettle_ac_");
  const verifier = randomBytes(32).toString("base64url");
  await grantCode({
    tenantId: acme.id, userId, client: (await findClient(consumer.clientId))!, scopes: SCOPES, codeHash: sha256(code),
    codeChallenge: createHash("sha256").update(verifier).digest("base64url"), redirectUri: REDIRECT, resource: MCP,
    expiresAt: new Date(Date.now() + 60_000), ip: null, remembered: false,
  });
  return { code, verifier };
}

async function token(params: Record<string, string>) {
  const res = await tokenEndpoint(
    new Request("http://localhost/api/oauth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${Buffer.from(`${consumer.clientId}:${consumer.secret}`).toString("base64")}` },
      body: new URLSearchParams(params).toString(),
    }),
  );
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, string> };
}
const exchange = (c: { code: string; verifier: string }) => token({ grant_type: "authorization_code", code: c.code, code_verifier: c.verifier, redirect_uri: REDIRECT });

async function rpc(accessToken: string, id: number, method: string, params: Record<string, unknown>) {
  const res = await mcp(
    new Request(MCP, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ jsonrpc: "2.0", id, method, params }),
    }),
  );
  const text = await res.text();
  return { status: res.status, headers: res.headers, text };
}
const call = (t: string, id: number, name: string, args: Record<string, unknown>) => rpc(t, id, "tools/call", { name, arguments: args });

function expectMcp503(res: { status: number; headers: Headers; text: string }, id: number) {
  expect(res.status, res.text).toBe(503);
  expect(res.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
  expect(JSON.parse(res.text)).toEqual({
    jsonrpc: "2.0",
    id,
    error: { code: RPC_UNAVAILABLE, message: "Service temporarily unavailable, retry shortly", data: { retryAfter: RETRY_AFTER_SECONDS } },
  });
}

const killBackends = (filter = "true") =>
  server.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND ${filter}`, [dbName]);

/**
 * Holds `lockSql`'s row lock from a connection of its own, starts `action`, and once the app's transaction
 * is parked on that lock, kills the app's backend — a connection dying in the middle of a transaction.
 */
async function killMidTransaction<T>(lockSql: string, params: unknown[], action: () => Promise<T>): Promise<T> {
  const locker = new pg.Client({ connectionString: url });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    const locked = await locker.query(lockSql, params);
    expect(locked.rowCount, "the row to lock exists").toBe(1);
    const running = action();
    const deadline = Date.now() + 10_000;
    let killed = 0;
    while (!killed && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      killed = (await killBackends(`wait_event_type = 'Lock' AND pid <> ${(locker as unknown as { processID: number }).processID}`)).rowCount ?? 0;
    }
    expect(killed, "the app's transaction waited on the lock").toBe(1);
    return await running;
  } finally {
    await locker.query("ROLLBACK").catch(() => {});
    await locker.end();
  }
}

describe.skipIf(!url)("PostgreSQL unreachable", () => {
  it("MCP and the token endpoint answer 503 + Retry-After while the database is closed, and recover when it opens", async () => {
    const issued = await exchange(await newCode());
    expect(issued.status).toBe(200);
    const access = issued.body.access_token;
    expect((await call(access, 1, "search_work_orders", { limit: 1 })).status).toBe(200);

    await server.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
    await killBackends();
    try {
      // During token verification: a 503, not a 401 (the token is fine; the client must keep it).
      expectMcp503(await call(access, 41, "search_work_orders", { limit: 1 }), 41);
      expectMcp503(await rpc(access, 42, "resources/read", { uri: "fettle://work-orders/WO-000001" }), 42);
      const refreshed = await token({ grant_type: "refresh_token", refresh_token: issued.body.refresh_token });
      expect(refreshed).toMatchObject({ status: 503, body: { error: "temporarily_unavailable" } });
      expect(refreshed.headers.get("retry-after")).toBe(String(RETRY_AFTER_SECONDS));
      expect(refreshed.headers.get("cache-control")).toBe("no-store");
    } finally {
      await server.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
    }
    // The pool heals by itself: the very next calls succeed.
    expect((await call(access, 43, "search_work_orders", { limit: 1 })).status).toBe(200);
    expect((await token({ grant_type: "refresh_token", refresh_token: issued.body.refresh_token })).status).toBe(200);
  });

  it("a write tool whose transaction dies is a 503 (not an isError result), and none of it is committed", async () => {
    const access = (await exchange(await newCode())).body.access_token;
    const title = `Resilience ${randomBytes(4).toString("hex")}`;
    const res = await killMidTransaction(
      `SELECT 1 FROM "TenantCounter" WHERE "tenantId" = $1 AND name = 'workorder' FOR UPDATE`,
      [acme.id],
      () => call(access, 7, "create_work_order", { title }),
    );
    expectMcp503(res, 7);
    expect(await ownerQuery(`SELECT id FROM "WorkOrder" WHERE title = $1`, [title])).toEqual([]);
    expect(await ownerQuery(`SELECT id FROM "AuditLog" WHERE "userId" = $1 AND action = 'mcp.create_work_order'`, [userId])).toEqual([]);
    // Retrying the same call now works.
    const retried = await call(access, 8, "create_work_order", { title });
    expect(retried.status).toBe(200);
    expect(await ownerQuery(`SELECT id FROM "WorkOrder" WHERE title = $1`, [title])).toHaveLength(1);
  });

  it("SDK clients of both eras see the 503 as a failed request they can retry", async () => {
    const access = (await exchange(await newCode())).body.access_token;
    const viaHandler = (u: string | URL, init?: RequestInit) => mcp(new Request(u, init));
    const headers = { Authorization: `Bearer ${access}` };
    const c2025 = new Client2025({ name: "resilience-2025", version: "1.0.0" });
    await c2025.connect(new Transport2025(new URL(MCP), { requestInit: { headers }, fetch: viaHandler }));
    const c2026 = new Client({ name: "resilience-2026", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
    await c2026.connect(new StreamableHTTPClientTransport(new URL(MCP), { requestInit: { headers }, fetch: viaHandler }));
    const callers: [string, (args: { name: string; arguments: Record<string, unknown> }) => Promise<unknown>][] = [
      ["2025", (args) => c2025.callTool(args)],
      ["2026", (args) => c2026.callTool(args)],
    ];
    for (const [name, callTool] of callers) {
      const title = `Resilience ${name} ${randomBytes(4).toString("hex")}`;
      const failed = killMidTransaction(
        `SELECT 1 FROM "TenantCounter" WHERE "tenantId" = $1 AND name = 'workorder' FOR UPDATE`,
        [acme.id],
        () => callTool({ name: "create_work_order", arguments: { title } }),
      );
      await expect(failed, name).rejects.toThrow(/503|unavailable/i);
      expect(await ownerQuery(`SELECT id FROM "WorkOrder" WHERE title = $1`, [title])).toEqual([]);
    }
    await c2025.close();
    await c2026.close();
  });

  it("a code exchange that dies half-way consumes nothing: the same code then works, once", async () => {
    const grant = await newCode();
    const failed = await killMidTransaction(`SELECT 1 FROM "AuthorizationCode" WHERE "codeHash" = $1 FOR UPDATE`, [sha256(grant.code)], () => exchange(grant));
    expect(failed).toMatchObject({ status: 503, body: { error: "temporarily_unavailable" } });
    const [row] = await ownerQuery<{ usedAt: Date | null; id: string }>(`SELECT id, "usedAt" FROM "AuthorizationCode" WHERE "codeHash" = $1`, [sha256(grant.code)]);
    expect(row.usedAt).toBeNull();
    expect(await ownerQuery(`SELECT id FROM "AccessToken" WHERE "sourceId" = $1`, [row.id])).toEqual([]);
    expect((await exchange(grant)).status).toBe(200);
    expect(await ownerQuery(`SELECT id FROM "AccessToken" WHERE "sourceId" = $1`, [row.id])).toHaveLength(1);
  });

  it("a refresh rotation that dies half-way rotates nothing: the same refresh token then works", async () => {
    const issued = await exchange(await newCode());
    const refresh = issued.body.refresh_token;
    const failed = await killMidTransaction(`SELECT 1 FROM "RefreshToken" WHERE "tokenHash" = $1 FOR UPDATE`, [sha256(refresh)], () =>
      token({ grant_type: "refresh_token", refresh_token: refresh }),
    );
    expect(failed).toMatchObject({ status: 503, body: { error: "temporarily_unavailable" } });
    const [row] = await ownerQuery<{ id: string; revokedAt: Date | null }>(`SELECT id, "revokedAt" FROM "RefreshToken" WHERE "tokenHash" = $1`, [sha256(refresh)]);
    expect(row.revokedAt).toBeNull();
    expect(await ownerQuery(`SELECT id FROM "RefreshToken" WHERE "parentId" = $1`, [row.id])).toEqual([]);
    const rotated = await token({ grant_type: "refresh_token", refresh_token: refresh });
    expect(rotated.status).toBe(200);
    expect((await call(rotated.body.access_token, 9, "search_work_orders", { limit: 1 })).status).toBe(200);
    expect(await ownerQuery(`SELECT id FROM "RefreshToken" WHERE "parentId" = $1`, [row.id])).toHaveLength(1);
  });
});
