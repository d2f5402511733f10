// The fault test's load: real MCP clients (the 2025 SDK and the 2026-07-28 client, alternately) with real
// OAuth tokens — consent recorded through lib/data as the authorization endpoint does, the code exchanged
// at the running server's token endpoint over HTTP — each calling a steady mix of reads and writes at a set
// pace and recording every answer. Plus a refresh-token chain rotated through the outage, and one
// "flooding" connection paced over its rate limit.
import { createHash, randomBytes } from "node:crypto";
import { Client as Client2025 } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as Transport2025 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import pg from "pg";
import { createConsumer } from "@/lib/data/consumers";
import { findClient } from "@/lib/data/oauth-clients";
import { grantCode } from "@/lib/data/oauth-grants";
import { newSecret, PREFIX, sha256 } from "@/lib/oauth/tokens";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";

const REDIRECT = "https://faults.example/cb";
const SCOPES = ["workorders:read", "workorders:write"];

export type Outcome = "ok" | "unavailable" | "limited" | "failed";

export interface CallRecord {
  worker: string;
  kind: "mcp" | "token";
  op: string;
  /** ms since the run started */
  start: number;
  end: number;
  status: number | "network" | "timeout";
  outcome: Outcome;
  detail?: string;
}

export interface Written {
  workOrders: { id: string; code: string }[];
  comments: string[];
  /** titles of creations answered 503: their fate is unknown to the client */
  unknownTitles: string[];
}

export interface Run {
  base: string;
  t0: number;
  records: CallRecord[];
  written: Written;
  stopped: () => boolean;
}

export interface Grant {
  access: string;
  refresh: string;
  clientId: string;
}

/** A public consumer of the tenant's AI-connectors group, consented by the tenant's administrator, exchanged over HTTP. */
export async function connectWorker(databaseUrl: string, base: string, slug: string, name: string): Promise<Grant> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ tenantId: string; userId: string; groupId: string }>(
    `SELECT t.id AS "tenantId", m."userId", g.id AS "groupId" FROM "Tenant" t
       JOIN "Membership" m ON m."tenantId" = t.id JOIN "Role" r ON r.id = m."roleId" AND r."builtIn" = 'administrator'
       JOIN "PermissionGroup" g ON g."tenantId" = t.id AND g.name = 'AI connectors'
      WHERE t.slug = $1 ORDER BY m."userId" LIMIT 1`,
    [slug],
  );
  await client.end();
  const { tenantId, userId, groupId } = rows[0];
  const admin = { tenantId, userId, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions) };
  const { consumer } = await createConsumer(admin, { name, confidential: false, redirectUris: [REDIRECT], permissionGroupId: groupId });
  const code = newSecret(PREFIX.code);
  const verifier = randomBytes(32).toString("base64url");
  await grantCode({
    tenantId, userId, client: (await findClient(consumer.clientId as string))!, scopes: SCOPES,
    codeHash: sha256(code), codeChallenge: createHash("sha256").update(verifier).digest("base64url"),
    redirectUri: REDIRECT, resource: `${base}/api/mcp`, expiresAt: new Date(Date.now() + 60_000), ip: null, remembered: false,
  });
  const res = await fetch(`${base}/api/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT, client_id: consumer.clientId as string }),
  });
  if (res.status !== 200) throw new Error(`token endpoint: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { access_token: string; refresh_token: string };
  return { access: body.access_token, refresh: body.refresh_token, clientId: consumer.clientId as string };
}

interface Exchange {
  status: number;
  retryAfter: string | null;
  body: string;
}

/** How the endpoints must answer a refusal: status, Retry-After and the body each one promises. */
function judgeRefusal(kind: "mcp" | "token", x: Exchange): Outcome | null {
  if (x.status !== 503 && x.status !== 429) return null;
  if (!x.retryAfter || !/^\d+$/.test(x.retryAfter)) return null;
  try {
    const body = JSON.parse(x.body);
    if (kind === "token") return body.error === "temporarily_unavailable" ? (x.status === 503 ? "unavailable" : "limited") : null;
    const code = body?.error?.code;
    if (x.status === 503 && code === -32003) return "unavailable";
    if (x.status === 429 && code === -32029) return "limited";
  } catch {
    // not JSON: not the promised shape
  }
  return null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

function timeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(Object.assign(new Error("timeout"), { timeout: true })), ms))]);
}

type Caller = { callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>; close(): Promise<void> };

async function mcpClient(base: string, token: string, era: "2025" | "2026", seen: Exchange[]): Promise<Caller> {
  // Only POSTs are calls: the 2025 client also opens a standalone GET stream after connecting (405 here),
  // whose answer may arrive during its first call.
  const recording = async (input: string | URL | Request, init?: RequestInit) => {
    const res = await fetch(input, init);
    if ((init?.method ?? "GET").toUpperCase() === "POST") {
      seen.push({ status: res.status, retryAfter: res.headers.get("retry-after"), body: res.ok ? "" : await res.clone().text() });
    }
    return res;
  };
  const url = new URL(`${base}/api/mcp`);
  const headers = { Authorization: `Bearer ${token}` };
  if (era === "2025") {
    const c = new Client2025({ name: "fettle-faults-2025", version: "1.0.0" });
    await c.connect(new Transport2025(url, { requestInit: { headers }, fetch: recording }));
    await c.listTools(); // the SDK then checks every structured result against the tool's output schema
    return c as unknown as Caller;
  }
  const c = new Client({ name: "fettle-faults-2026", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });
  await c.connect(new StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: recording }));
  return c as unknown as Caller;
}

export interface WorkerSpec {
  name: string;
  grant: Grant;
  era: "2025" | "2026";
  /** calls per second */
  rate: number;
}

/** A connected MCP client for `spec`; `mcpWorker` then drives it (connecting first keeps it out of the timings). */
export async function connectClient(base: string, spec: WorkerSpec) {
  const seen: Exchange[] = [];
  return { spec, seen, client: await mcpClient(base, spec.grant.access, spec.era, seen) };
}

/** One connection calling at its pace until the run stops; every call is recorded. */
export async function mcpWorker(run: Run, { spec, seen, client }: Awaited<ReturnType<typeof connectClient>>) {
  const mine: { id: string; code: string }[] = [];
  const interval = 1000 / spec.rate;
  let n = 0;
  let next = Date.now();
  while (!run.stopped()) {
    // Paced, without catching up after slow answers: a burst could push a steady connection over its limit.
    await sleep(next - Date.now());
    next = Math.max(next + interval, Date.now());
    n++;
    const roll = (n * 7919 + spec.name.length * 31) % 100;
    let op = roll < 35 ? "search" : roll < 55 ? "get" : roll < 65 ? "whoami" : roll < 85 ? "create" : "comment";
    if (op === "comment" && mine.length === 0) op = "create";
    const title = `faults ${spec.name} #${n}`;
    const target = mine.length ? mine[(n * 13) % mine.length].code : "WO-000001";
    const [tool, args] =
      op === "search" ? ["search_work_orders", { limit: 10 }]
      : op === "get" ? ["get_work_order", { workOrder: target }]
      : op === "whoami" ? ["whoami", {}]
      : op === "create" ? ["create_work_order", { title, priority: 3 }]
      : ["add_work_order_comment", { workOrder: target, body: `comment ${spec.name} #${n}` }];
    seen.length = 0;
    const start = Date.now() - run.t0;
    const rec: CallRecord = { worker: spec.name, kind: "mcp", op, start, end: start, status: "network", outcome: "failed" };
    try {
      const result = (await timeout(client.callTool({ name: tool, arguments: args }), 30_000)) as { isError?: boolean; structuredContent?: Record<string, string>; content?: { text?: string }[] };
      rec.status = seen.at(-1)?.status ?? "network";
      if (result.isError) rec.detail = `isError: ${result.content?.[0]?.text ?? ""}`.slice(0, 200);
      else if (seen.length !== 1) rec.detail = `${seen.length} HTTP exchanges for one call`;
      else {
        rec.outcome = "ok";
        if (op === "create") mine.push({ id: result.structuredContent!.id, code: result.structuredContent!.code }), run.written.workOrders.push(mine.at(-1)!);
        if (op === "comment") run.written.comments.push(result.structuredContent!.id);
      }
    } catch (e) {
      const last = seen.at(-1);
      if ((e as { timeout?: boolean }).timeout) rec.status = "timeout";
      else if (last) {
        rec.status = last.status;
        const judged = judgeRefusal("mcp", last);
        if (judged) rec.outcome = judged;
        else rec.detail = `HTTP ${last.status}: ${last.body.slice(0, 300)}`;
        if (judged === "unavailable" && op === "create") run.written.unknownTitles.push(title);
      } else rec.detail = `network: ${(e as Error).message}`.slice(0, 200);
    }
    rec.end = Date.now() - run.t0;
    run.records.push(rec);
  }
  await client.close().catch(() => {});
}

/**
 * A runaway client: at the start of each rate-limit window, `size` concurrent whoami calls on one token (raw
 * JSON-RPC POSTs, as a misbehaving client would send them). Bursts land early in a window whatever the
 * machine's speed, so the calls over the limit always meet 429s.
 */
export async function floodWorker(run: Run, token: string, size: number, windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "whoami", arguments: {} } });
  const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25", authorization: `Bearer ${token}` };
  while (!run.stopped()) {
    await sleep(windowMs - (Date.now() % windowMs) + 100);
    if (run.stopped()) break;
    await Promise.all(
      Array.from({ length: size }, async () => {
        const start = Date.now() - run.t0;
        const rec: CallRecord = { worker: "flood", kind: "mcp", op: "whoami", start, end: start, status: "network", outcome: "failed" };
        try {
          const res = await fetch(`${run.base}/api/mcp`, { method: "POST", headers, body, signal: AbortSignal.timeout(30_000) });
          const text = await res.text();
          rec.status = res.status;
          if (res.status === 200) {
            if (/"isError":true|"error":\{/.test(text)) rec.detail = text.slice(0, 200);
            else rec.outcome = "ok";
          } else {
            const judged = judgeRefusal("mcp", { status: res.status, retryAfter: res.headers.get("retry-after"), body: text });
            if (judged) rec.outcome = judged;
            else rec.detail = `HTTP ${res.status}: ${text.slice(0, 300)}`;
          }
        } catch (e) {
          rec.detail = `network: ${(e as Error).message}`;
        }
        rec.end = Date.now() - run.t0;
        run.records.push(rec);
      }),
    );
  }
}

/** A refresh-token chain rotated at the token endpoint through the whole run; returns its last refresh token. */
export async function refreshWorker(run: Run, grant: Grant, everyMs: number): Promise<string> {
  let refresh = grant.refresh;
  while (!run.stopped()) {
    const start = Date.now() - run.t0;
    const rec: CallRecord = { worker: "refresh", kind: "token", op: "refresh_token", start, end: start, status: "network", outcome: "failed" };
    try {
      const res = await fetch(`${run.base}/api/oauth/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refresh, client_id: grant.clientId }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = await res.text();
      rec.status = res.status;
      if (res.status === 200) {
        refresh = (JSON.parse(body) as { refresh_token: string }).refresh_token;
        rec.outcome = "ok";
      } else {
        const judged = judgeRefusal("token", { status: res.status, retryAfter: res.headers.get("retry-after"), body });
        if (judged) rec.outcome = judged;
        else rec.detail = `HTTP ${res.status}: ${body.slice(0, 300)}`;
      }
    } catch (e) {
      rec.detail = `network: ${(e as Error).message}`;
    }
    rec.end = Date.now() - run.t0;
    run.records.push(rec);
    await sleep(everyMs);
  }
  return refresh;
}
