import "server-only";
// HTTP hygiene in front of the MCP handler, which does none of it itself:
// - Origin (MCP transport spec, DNS rebinding): a browser page of another site must not drive the endpoint.
//   No Origin (server-to-server clients: ChatGPT, Claude, SDKs, Inspector CLI) or APP_URL's own origin pass;
//   anything else — including the opaque "null" origin — gets the SDK's 403 JSON-RPC error.
// - Body size: POST bodies are read up to 1 MiB before anything is parsed (413 beyond). mcp-handler parses
//   the body itself before the SDK's own 4 MiB limit applies, so the bound must sit here.
// - Nothing thrown reaches the client: an unreachable database is a 503 with Retry-After (docs/operations.md),
//   anything else a JSON-RPC "Internal error" 500; both are logged as JSON, neither carries a stack trace.
import { originValidationResponse, readRequestBody } from "@modelcontextprotocol/server";
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailableFields } from "@/lib/db/errors";
import { machineHeaders } from "@/lib/http";
import { log, logRequest } from "@/lib/log";
import type { Caller } from "@/lib/tenancy/token-access";
import { issuer } from "@/lib/oauth/config";
import { logError } from "./log";

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Implementation-defined JSON-RPC server errors (-32000 … -32099) for the two "come back later" answers, so a
 * client that only reads bodies can still tell them apart; the HTTP status and Retry-After say the same.
 */
export const RPC_UNAVAILABLE = -32003;
export const RPC_RATE_LIMITED = -32029;

type Handler = (req: Request) => Promise<Response>;
type RpcId = string | number | null;

/** The JSON-RPC request a POST carries, as far as the HTTP layer needs it (for answers it writes itself). */
export interface RpcCall {
  id: RpcId;
  method: string | null;
  /** the tool's name for tools/call (a name, never its arguments) */
  tool: string | null;
}

export function jsonRpcError(
  status: number,
  code: number,
  message: string,
  extra: { id?: RpcId; data?: Record<string, unknown>; headers?: Record<string, string> } = {},
) {
  const error = extra.data ? { code, message, data: extra.data } : { code, message };
  return Response.json({ jsonrpc: "2.0", error, id: extra.id ?? null }, { status, headers: { "Cache-Control": "no-store", ...extra.headers } });
}

/** RFC 9110 §15.6.4: the database is away; the client should retry the same call after Retry-After. */
export const unavailableResponse = (id: RpcId) =>
  jsonRpcError(503, RPC_UNAVAILABLE, "Service temporarily unavailable, retry shortly", {
    id,
    data: { retryAfter: RETRY_AFTER_SECONDS },
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });

function foreignOrigin(req: Request): Response | undefined {
  const origin = req.headers.get("origin");
  if (!origin || origin === new URL(issuer()).origin) return undefined;
  // An empty allowlist: the SDK's response for "this Origin is not allowed".
  return originValidationResponse(req, []);
}

/** The request with its body read under the bound, or the 413 answer. */
async function boundedBody(req: Request): Promise<{ req: Request; text: string } | Response> {
  if (req.method !== "POST") return { req, text: "" };
  const body = await readRequestBody(req, MAX_BODY_BYTES);
  if (body.tooLarge) return jsonRpcError(413, -32600, `Request body larger than ${MAX_BODY_BYTES} bytes`);
  return { req: new Request(req.url, { method: req.method, headers: req.headers, body: body.text }), text: body.text };
}

const NO_CALL: RpcCall = { id: null, method: null, tool: null };

/** id, method and tool of a single JSON-RPC request (a batch or an unparsable body: none; the SDK answers those). */
function rpcCall(text: string): RpcCall {
  try {
    const msg = JSON.parse(text) as { id?: unknown; method?: unknown; params?: { name?: unknown } };
    if (!msg || typeof msg !== "object" || Array.isArray(msg)) return NO_CALL;
    const id = typeof msg.id === "string" || typeof msg.id === "number" ? msg.id : null;
    const method = typeof msg.method === "string" ? msg.method : null;
    const tool = method === "tools/call" && typeof msg.params?.name === "string" ? msg.params.name.slice(0, 64) : null;
    return { id, method, tool };
  } catch {
    return NO_CALL;
  }
}

export function guarded(handler: (req: Request, call: RpcCall) => Promise<Response>, subject = "mcp"): Handler {
  // What the request turned out to be, for its log line: the JSON-RPC call and, once authenticated, the caller.
  type Seen = { call: RpcCall; req?: Request };
  async function answer(req: Request, seen: Seen): Promise<Response> {
    try {
      const rejected = foreignOrigin(req);
      if (rejected) return rejected;
      const bounded = await boundedBody(req);
      if (bounded instanceof Response) return bounded;
      seen.call = rpcCall(bounded.text);
      seen.req = bounded.req;
      return await handler(bounded.req, seen.call);
    } catch (e) {
      if (isDatabaseUnavailable(e)) {
        log.warn("mcp request: database unavailable", { subject, method: seen.call.method, ...unavailableFields(e) });
        return unavailableResponse(seen.call.id);
      }
      logError("mcp request failed", subject, e);
      return jsonRpcError(500, -32603, "Internal error", { id: seen.call.id });
    }
  }
  return async (req) => {
    const started = performance.now();
    const seen: Seen = { call: NO_CALL };
    const res = await answer(req, seen);
    // proxy.ts does not run for this endpoint (lib/http.ts): the handler sets what it would have.
    for (const [name, value] of Object.entries(machineHeaders())) res.headers.set(name, value);
    const caller = (seen.req?.auth?.extra as { caller?: Caller } | undefined)?.caller;
    return logRequest(req, res, started, {
      rpc: seen.call.method,
      tool: seen.call.tool,
      tenant: caller?.tenant.id,
      user: caller?.user?.id,
      consumer: caller?.consumer?.id,
    });
  };
}
