import "server-only";
// The two HTTP faces of the MCP server, built on first use so the challenge URLs come from the running
// server's APP_URL, never the build's. Order per request: Origin → body bound → token → MCP.
import { createMcpHandler, withMcpAuth } from "mcp-handler";
import { issuer } from "@/lib/oauth/config";
import { RESOURCE_METADATA_PATH, verifyBearer } from "./auth";
import { guarded, jsonRpcError } from "./http";
import { initializeServer, SERVER_OPTIONS } from "./server";
import { testAuthInfo, testModeEnabled } from "./test-mode";

type Handler = (req: Request) => Promise<Response>;

/** /api/mcp: bearer tokens of our authorization server (withMcpAuth answers 401 with resource_metadata). */
export function mcpEndpoint(clientIp: (headers: Headers) => string | null): Handler {
  let endpoint: Handler | undefined;
  return guarded((req) => {
    endpoint ??= withMcpAuth(
      createMcpHandler(initializeServer, SERVER_OPTIONS),
      (request, bearer) => verifyBearer(bearer, clientIp(request.headers)),
      { required: true, resourceMetadataPath: RESOURCE_METADATA_PATH, resourceUrl: issuer() },
    );
    return endpoint(req);
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
