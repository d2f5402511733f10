import "server-only";
// MCP rate limits (docs/operations.md), checked once per request after the token is verified and before
// anything else runs, at the cost of one counter round trip (lib/ratelimit):
//   1. per user and consumer — one person's connection from one AI client (a client-credentials token: the
//      consumer alone), MCP_RATE_LIMIT_PER_USER calls per window, default 120 a minute;
//   2. per tenant — all of a tenant's connections together, MCP_RATE_LIMIT_PER_TENANT, default 1,200 a minute,
//      so one tenant's flood cannot take the capacity every other tenant shares.
// A call refused by (1) does not count against (2). Over a limit: 429 + Retry-After and a JSON-RPC error.
// 0 switches a limit off. MCP_RATE_LIMIT_WINDOW_SECONDS (default 60) sets the window of both.
import { hitAll, type Limit } from "@/lib/ratelimit";
import { log } from "@/lib/log";
import type { Caller } from "@/lib/tenancy/token-access";
import { jsonRpcError, RPC_RATE_LIMITED, type RpcCall } from "./http";

export const MCP_LIMIT_DEFAULTS = { perUser: 120, perTenant: 1200, windowSeconds: 60 } as const;

const warned = new Set<string>();

function setting(name: string, fallback: number, min: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (Number.isInteger(n) && n >= min) return n;
  if (!warned.has(`${name}=${raw}`)) {
    warned.add(`${name}=${raw}`);
    log.warn("ignoring an invalid rate-limit setting", { setting: name, value: raw, using: fallback });
  }
  return fallback;
}

/** The limits in force, read from the environment on each call (cheap; lets tests and ops change them). */
export function mcpLimits() {
  return {
    perUser: setting("MCP_RATE_LIMIT_PER_USER", MCP_LIMIT_DEFAULTS.perUser, 0),
    perTenant: setting("MCP_RATE_LIMIT_PER_TENANT", MCP_LIMIT_DEFAULTS.perTenant, 0),
    windowSeconds: setting("MCP_RATE_LIMIT_WINDOW_SECONDS", MCP_LIMIT_DEFAULTS.windowSeconds, 1),
  };
}

type Scope = "user" | "tenant";

/** The 429 for a refused call, or null when it may go ahead. */
export async function checkMcpRate(caller: Caller, call: RpcCall): Promise<Response | null> {
  const { perUser, perTenant, windowSeconds } = mcpLimits();
  const checks: { scope: Scope; limit: Limit }[] = [];
  if (perUser > 0) {
    const key = `mcp:user:${caller.user?.id ?? "-"}:${caller.consumer?.id ?? "-"}`;
    checks.push({ scope: "user", limit: { key, limit: perUser, windowSeconds } });
  }
  if (perTenant > 0) checks.push({ scope: "tenant", limit: { key: `mcp:tenant:${caller.tenant.id}`, limit: perTenant, windowSeconds } });
  if (checks.length === 0) return null;

  const results = await hitAll(checks.map((c) => c.limit));
  const refused = results.findIndex((r) => !r.ok);
  if (refused < 0) return null;
  const { scope, limit } = checks[refused];
  const { retryAfter } = results[refused];
  const whose = scope === "user" ? "this user and connection" : "this organisation";
  return jsonRpcError(429, RPC_RATE_LIMITED, `Rate limit exceeded: ${limit.limit} calls per ${windowSeconds} s for ${whose}. Retry after ${retryAfter} s.`, {
    id: call.id,
    data: { scope, limit: limit.limit, windowSeconds, retryAfter },
    headers: { "Retry-After": String(retryAfter) },
  });
}
