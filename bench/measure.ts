// Steps 3–4 of the bench: real tokens, then the measurements, side by side.
import type { Sql } from "@/lib/db/sql";
import { sha256 } from "@/lib/oauth/tokens";
import { explainList } from "./explain";
import { adminAccess, createConnector, ensureSignInUsers, mintRefreshToken, signInEmail } from "./fixtures";
import { runCell, sequential, type CellResult, type SeriesResult } from "./load";
import { callTool, canonical, listTools, MCP_HEADERS, rpc, toolCall } from "./mcp";
import { connect, csrf, signInBody, signInSucceeded, type Connector } from "./oauth";
import { CONCURRENCY, TARGETS, type Target } from "./report";

export interface MeasureInput {
  sql: Sql;
  base: string;
  urls: Record<Target, string>;
  seconds: number;
  quick: boolean;
  password: string;
  step: (text: string) => void;
  notes: string[];
}

/** Runs one part of the measurements; a failure is reported in the notes and the rest still runs. */
async function attempt<T>(input: MeasureInput, label: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`  ${label} failed: ${message}`);
    input.notes.push(`${label} failed: ${message.slice(0, 300)}`);
    return null;
  }
}

/** The typical question: what is open or in progress, newest first, one page of 25. */
export const LIST_ARGS = { status: ["open", "in_progress"], limit: 25 };
const SCOPE = "workorders:read metrics:read";
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function kpiSeries(input: MeasureInput, tokens: Record<"acme" | "globex", string>) {
  // The seed's history ends at the start of today (UTC): the last 90 and 365 days before it.
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const periods = { quarter: { from: isoDay(today - 90 * DAY), to: isoDay(today - DAY) }, year: { from: isoDay(today - 365 * DAY), to: isoDay(today - DAY) } };
  const calls = input.quick ? 10 : 30;
  const out: Record<string, Record<string, SeriesResult>> = {};
  for (const tenant of ["acme", "globex"] as const) {
    out[tenant] = {};
    for (const [name, period] of Object.entries(periods)) {
      input.step(`get_kpis ${tenant} ${name} (${period.from} → ${period.to}), ${calls} sequential calls`);
      const call = async () => void (await callTool(input.urls.fettle, tokens[tenant], "get_kpis", period));
      const series = await sequential(call, calls, 2, input.quick ? 20_000 : 60_000);
      if (series.failed) input.notes.push(`get_kpis ${tenant} ${name}: ${series.failed} calls failed, first: ${series.first_error}`);
      out[tenant][name] = series;
    }
  }
  return out;
}

interface Chain extends Connector {
  token: string;
}

/** Refresh-grant throughput: every request rotates one chain's token and the answer carries the next one. */
async function refreshCell(input: MeasureInput, chains: Chain[], connections: number, seconds: number): Promise<CellResult> {
  const idle = [...chains];
  let spare = 0;
  return runCell({
    url: `${input.base}/api/oauth/token`,
    connections,
    seconds,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    setupRequest: (req, context) => {
      // A chain is never used by two requests at once: that would be a (legitimate) concurrent refresh,
      // after which one of the two successors is revoked.
      const chain = idle.shift() ?? chains[spare++ % chains.length];
      context.chain = chain;
      req.body = new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: chain.token,
        client_id: chain.clientId,
        ...(chain.clientSecret ? { client_secret: chain.clientSecret } : {}),
      }).toString();
      return req;
    },
    success: (status, body, _headers, context) => {
      const chain = context.chain as Chain;
      if (status === 200) chain.token = (JSON.parse(body) as { refresh_token: string }).refresh_token;
      idle.push(chain);
      return status === 200;
    },
  });
}

async function chainsFor(input: MeasureInput, count: number, confidential: boolean): Promise<Chain[]> {
  const admin = await adminAccess(input.sql, "acme");
  const chains: Chain[] = [];
  for (let i = 0; i < count; i++) {
    const connector = await createConnector(input.sql, admin, `Bench refresh ${confidential ? "confidential" : "public"} ${i + 1}`, confidential);
    chains.push({ ...connector, token: await mintRefreshToken(admin, connector, `${input.base}/api/mcp`, SCOPE.split(" ")) });
  }
  return chains;
}

async function signInCell(input: MeasureInput, users: number, seconds: number): Promise<CellResult> {
  const form = await csrf(input.base, "10.251.0.1");
  let n = 0;
  return runCell({
    url: `${input.base}/api/auth/callback/credentials`,
    connections: 8,
    seconds,
    setupRequest: (req) => {
      n++;
      // Many accounts and client addresses, as many people signing in at once: the per-account (10/min) and
      // per-address (30/min) limits stay in force and are not what this measures.
      req.headers = {
        "content-type": "application/x-www-form-urlencoded",
        cookie: form.cookie,
        "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      };
      req.body = signInBody(signInEmail((n % users) + 1), input.password, form.token, input.base);
      return req;
    },
    success: (status, _body, headers) => {
      const location = Object.entries(headers).find(([k]) => k.toLowerCase() === "location")?.[1];
      return signInSucceeded(status, Array.isArray(location) ? location[0] : location);
    },
  });
}

export async function measureAll(input: MeasureInput) {
  const { step, urls, seconds, quick } = input;
  step("tokens: consumers via lib/data, then sign-in, consent and code exchange over HTTP");
  const acmeAdmin = await adminAccess(input.sql, "acme");
  const globexAdmin = await adminAccess(input.sql, "globex");
  const acmeConnector = await createConnector(input.sql, acmeAdmin, "Bench connector", true);
  const globexConnector = await createConnector(input.sql, globexAdmin, "Bench connector", true);
  const acme = await connect(input.base, "admin@acme.test", input.password, acmeConnector, SCOPE);
  const globex = await connect(input.base, "admin@globex.test", input.password, globexConnector, SCOPE);

  const tools = await listTools(urls.fettle, acme.access);
  if (!tools.includes("search_work_orders")) throw new Error(`Fettle's MCP endpoint has no search_work_orders (tools: ${tools.join(", ")})`);
  const answers = await Promise.all(TARGETS.map((t) => callTool(urls[t], acme.access, "search_work_orders", LIST_ARGS)));
  const sameJson = answers.every((a) => canonical(a) === canonical(answers[0]));
  if (!sameJson) input.notes.push("the limit's or the peer's answer differs from Fettle's structuredContent (see same_json)");
  console.log(`  ${(answers[0].items as unknown[]).length} rows of ${answers[0].total}; same JSON from all three: ${sameJson}`);

  const body = toolCall("search_work_orders", LIST_ARGS);
  const headers = { ...MCP_HEADERS, authorization: `Bearer ${acme.access}` };
  // A tool error still travels as HTTP 200 (isError result or JSON-RPC error): look for both in the body.
  const answered = (status: number, text: string) => status === 200 && !text.includes('"isError":true') && !text.includes('"error":{');
  const mcpCell = (t: Target, connections: number, s: number) => runCell({ url: urls[t], connections, seconds: s, headers, body, success: answered });
  step(`warm-up: ${quick ? 1 : 3}s at 8 connections against each server`);
  for (const t of TARGETS) await mcpCell(t, 8, quick ? 1 : 3);
  const cells = { fettle: [], limit: [], peer: [] } as Record<Target, CellResult[]>;
  for (const c of CONCURRENCY) {
    for (const t of TARGETS) {
      step(`search_work_orders → ${t}, ${c} concurrent, ${seconds}s`);
      const cell = await mcpCell(t, c, seconds);
      cells[t].push(cell);
      console.log(`  ${cell.rps} req/s, p50 ${cell.p50_ms} p95 ${cell.p95_ms} p99 ${cell.p99_ms} ms${cell.failed ? `, ${cell.failed} failed (first: ${cell.first_failure?.slice(0, 120) ?? "timeout/socket"})` : ""}`);
    }
  }

  step("EXPLAIN ANALYZE of the statements behind one list call (acme)");
  const explain = (await attempt(input, "EXPLAIN", () => explainList(input.sql, "acme", sha256(acme.access)))) ?? [];
  for (const e of explain) console.log(`  ${e.execution_ms} ms  ${e.name}`);

  let kpi: Record<string, Record<string, SeriesResult>> | null = null;
  if (tools.includes("get_kpis")) kpi = await kpiSeries(input, { acme: acme.access, globex: globex.access });
  else input.notes.push("get_kpis is not registered on Fettle's MCP endpoint (lib/mcp/tools/index.ts): KPI series skipped");

  const refreshing = await attempt(input, "refresh grant", async () => {
    step("refresh grant: minting refresh-token chains through lib/data (one consumer each)");
    const publicChains = await chainsFor(input, quick ? 40 : 150, false);
    // At least one chain per connection: fewer, and two requests rotate one chain at once, after which
    // one of the two successors is (rightly) revoked and counts as a failure.
    const confidentialChains = await chainsFor(input, 40, true);
    // The connector's own refresh token from the HTTP flow is one of the confidential chains.
    confidentialChains.push({ ...acmeConnector, token: acme.refresh });
    await refreshCell(input, publicChains, 8, quick ? 1 : 3);
    step(`refresh grant, public clients, 32 concurrent, ${seconds}s`);
    const open = await refreshCell(input, publicChains, 32, seconds);
    step(`refresh grant, confidential clients (client secret checked with scrypt), 32 concurrent, ${seconds}s`);
    return { open, confidential: await refreshCell(input, confidentialChains, 32, seconds) };
  });

  const users = quick ? 100 : 400;
  const signin = await attempt(input, "sign-in", async () => {
    step(`sign-in: ${users} accounts, 8 concurrent, ${seconds}s`);
    await ensureSignInUsers(input.sql, users, input.password);
    return signInCell(input, users, seconds);
  });

  // One more list call: is Fettle still answering normally after all that load?
  const after = await rpc(urls.fettle, acme.access, body);
  if (after.status !== 200) input.notes.push(`Fettle answered ${after.status} to a list call after the load`);

  return {
    cells,
    same_json: sameJson,
    explain,
    kpi,
    refresh_rps: refreshing?.open.rps ?? null,
    refresh: refreshing?.open ?? null,
    refresh_confidential: refreshing?.confidential ?? null,
    signin_rps: signin?.rps ?? null,
    signin,
  };
}
