import "server-only";
// The two HTTP faces of the MCP server, built on first use so the challenge URLs come from the running
// server's APP_URL, never the build's. Order per request: Origin → body bound → token → MCP.
import { createMcpHandler, withMcpAuth } from "mcp-handler";
import { issuer } from "@/lib/oauth/config";
import { RESOURCE_METADATA_PATH, verifyBearer } from "./auth";
import { guarded, jsonRpcError } from "./http";
import { initializeServer, SERVER_OPTIONS, toolServer } from "./server";
import { testAuthInfo, testModeEnabled } from "./test-mode";

type Handler = (req: Request) => Promise<Response>;

/** The tool a JSON-RPC body calls, when it is a single tools/call; null for anything else. */
function calledTool(body: string | null): string | null {
  if (!body) return null;
  try {
    const message = JSON.parse(body) as { method?: unknown; params?: { name?: unknown } };
    return message?.method === "tools/call" && typeof message.params?.name === "string" ? message.params.name : null;
  } catch {
    return null; // the SDK answers the parse error
  }
}

/**
 * /api/mcp: bearer tokens of our authorization server (withMcpAuth answers 401 with resource_metadata).
 * A tools/call of a known tool is served by a handler whose per-request server holds that tool alone
 * (lib/mcp/server.ts toolServer); everything else by the full server. One handler per tool, built once.
 */
export function mcpEndpoint(clientIp: (headers: Headers) => string): Handler {
  const handlers = new Map<string, Handler>();
  const handlerFor = (tool: string | null): Handler => {
    const init = (tool && toolServer(tool)) || initializeServer;
    const key = init === initializeServer ? "" : tool!;
    let handler = handlers.get(key);
    if (!handler) {
      handler = withMcpAuth(
        createMcpHandler(init, SERVER_OPTIONS),
        (request, bearer) => verifyBearer(bearer, clientIp(request.headers)),
        { required: true, resourceMetadataPath: RESOURCE_METADATA_PATH, resourceUrl: issuer() },
      );
      handlers.set(key, handler);
    }
    return handler;
  };
  return guarded(async (req, body) => {
    const tool = calledTool(body);
    const res = await handlerFor(tool)(req);
    // A stateless tools/call answers one message and ends its stream (we send no progress notifications),
    // so it is read here and sent whole: piping a web stream through Next.js cost more than the call's JSON.
    if (!tool || !res.body) return res;
    return new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
  });
}

/** /api/mcp/conformance: the same server as a fixed caller, 404 unless test mode (lib/mcp/test-mode.ts). */
export function conformanceEndpoint(): Handler {
  let endpoint: Handler | undefined;
  const serve = guarded(async (req) => {
    const auth = await testAuthInfo();
    if (!auth) return jsonRpcError(500, -32603, "Test caller not found");
    req.auth = auth;
    endpoint ??= createMcpHandler(initializeServer, SERVER_OPTIONS);
    return endpoint(req);
  }, "test-mode");
  return async (req) => (testModeEnabled(req) ? serve(req) : new Response(null, { status: 404 }));
}
