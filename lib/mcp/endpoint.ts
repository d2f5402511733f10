import "server-only";
// The two HTTP faces of the MCP server, built on first use so the challenge URLs come from the running
// server's APP_URL, never the build's. Steps per request (ARCHITECTURE.md §5, docs/operations.md):
//   Origin → body bound → token (401) → rate limits (429) → MCP → settle (503 if a tool met a dead database).
// Any step failing on an unreachable database answers 503 + Retry-After (lib/mcp/http.ts).
import { createMcpHandler } from "mcp-handler";
import type { AuthInfo } from "@modelcontextprotocol/server";
import { authenticate, callerFrom } from "./auth";
import { guarded, jsonRpcError, type RpcCall } from "./http";
import { checkMcpRate } from "./limits";
import { settle } from "./outcome";
import { initializeServer, SERVER_OPTIONS, toolServer } from "./server";
import { testAuthInfo, testModeEnabled } from "./test-mode";

type Handler = (req: Request) => Promise<Response>;

/** Runs the MCP exchange as `auth`, then settles its answer against what the tools met. */
async function exchange(mcp: Handler, req: Request, auth: AuthInfo, call: RpcCall): Promise<Response> {
  const who = callerFrom({ http: { authInfo: auth } });
  req.auth = auth;
  const res = await mcp(req);
  return who ? settle(res, who.outcome, call) : res;
}

/**
 * /api/mcp: bearer tokens of our authorization server. A tools/call of a known tool is served by a handler
 * whose per-request server holds that tool alone (lib/mcp/server.ts toolServer); everything else by the
 * full server. One handler per tool, built once.
 */
export function mcpEndpoint(clientIp: (headers: Headers) => string | null): Handler {
  const handlers = new Map<string, Handler>();
  const handlerFor = (tool: string | null): Handler => {
    const single = tool ? toolServer(tool) : null;
    const key = single ? tool! : "";
    let handler = handlers.get(key);
    if (!handler) {
      handler = createMcpHandler(single ?? initializeServer, SERVER_OPTIONS);
      handlers.set(key, handler);
    }
    return handler;
  };
  return guarded(async (req, call) => {
    const auth = await authenticate(req, clientIp(req.headers));
    if (auth instanceof Response) return auth;
    // Known from here on, also for a rate-limited answer's log line (lib/mcp/http.ts).
    req.auth = auth;
    const who = callerFrom({ http: { authInfo: auth } });
    const limited = who ? await checkMcpRate(who.caller, call) : null;
    if (limited) return limited;
    const res = await exchange(handlerFor(call.tool), req, auth, call);
    // A stateless tools/call answers one message and ends its stream (no progress notifications are sent),
    // so it is read here and sent whole: piping a web stream through Next.js cost more than the call's JSON.
    if (!call.tool || !res.body) return res;
    return new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
  });
}

/** /api/mcp/conformance: the same server as a fixed caller, 404 unless test mode (lib/mcp/test-mode.ts). */
export function conformanceEndpoint(): Handler {
  let mcp: Handler | undefined;
  const serve = guarded(async (req, call) => {
    const auth = await testAuthInfo();
    if (!auth) return jsonRpcError(500, -32603, "Test caller not found");
    mcp ??= createMcpHandler(initializeServer, SERVER_OPTIONS);
    return exchange(mcp, req, auth, call);
  }, "test-mode");
  return async (req) => (testModeEnabled(req) ? serve(req) : new Response(null, { status: 404 }));
}
