import "server-only";
// HTTP hygiene in front of the MCP handler, which does none of it itself:
// - Origin (MCP transport spec, DNS rebinding): a browser page of another site must not drive the endpoint.
//   No Origin (server-to-server clients: ChatGPT, Claude, SDKs, Inspector CLI) or APP_URL's own origin pass;
//   anything else — including the opaque "null" origin — gets the SDK's 403 JSON-RPC error.
// - Body size: POST bodies are read up to 1 MiB before anything is parsed (413 beyond). mcp-handler parses
//   the body itself before the SDK's own 4 MiB limit applies, so the bound must sit here.
// - 401 challenges name the scopes a client should ask for (RFC 6750 §3, MCP 2025-11-25 scope selection).
// - Nothing thrown reaches the client: an unexpected failure is a JSON-RPC "Internal error", logged as JSON.
import { originValidationResponse, readRequestBody } from "@modelcontextprotocol/server";
import { machineHeaders } from "@/lib/http";
import { issuer } from "@/lib/oauth/config";
import { formatScope, SCOPES } from "@/lib/oauth/scopes";
import { logError } from "./log";

const MAX_BODY_BYTES = 1024 * 1024;

type Handler = (req: Request) => Promise<Response>;
/** The request with its body already read (null for GET / DELETE), so the handler can route on it. */
type BodyHandler = (req: Request, body: string | null) => Promise<Response>;

export const jsonRpcError = (status: number, code: number, message: string) =>
  Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status, headers: { "Cache-Control": "no-store" } });

function foreignOrigin(req: Request): Response | undefined {
  const origin = req.headers.get("origin");
  if (!origin || origin === new URL(issuer()).origin) return undefined;
  // An empty allowlist: the SDK's response for "this Origin is not allowed".
  return originValidationResponse(req, []);
}

/** The request with its body read under the bound, or the 413 answer. */
async function boundedBody(req: Request): Promise<{ req: Request; body: string | null } | Response> {
  if (req.method !== "POST") return { req, body: null };
  const body = await readRequestBody(req, MAX_BODY_BYTES);
  if (body.tooLarge) return jsonRpcError(413, -32600, `Request body larger than ${MAX_BODY_BYTES} bytes`);
  return { req: new Request(req.url, { method: req.method, headers: req.headers, body: body.text }), body: body.text ?? "" };
}

/** mcp-handler's 401 carries resource_metadata; add the scopes (withMcpAuth would also enforce them). */
function withScopeHint(res: Response): Response {
  const challenge = res.headers.get("www-authenticate");
  if (res.status === 401 && challenge && !/\bscope="/.test(challenge)) {
    res.headers.set("www-authenticate", `${challenge}, scope="${formatScope(SCOPES)}"`);
  }
  return res;
}

/** nosniff and a request id on every answer (proxy.ts does not run for this endpoint). */
function withMachineHeaders(res: Response): Response {
  for (const [name, value] of Object.entries(machineHeaders())) res.headers.set(name, value);
  return res;
}

export function guarded(handler: BodyHandler, subject = "mcp"): Handler {
  return async (req) => {
    try {
      const rejected = foreignOrigin(req);
      if (rejected) return withMachineHeaders(rejected);
      const bounded = await boundedBody(req);
      if (bounded instanceof Response) return withMachineHeaders(bounded);
      return withMachineHeaders(withScopeHint(await handler(bounded.req, bounded.body)));
    } catch (e) {
      logError("mcp request failed", subject, e);
      return withMachineHeaders(jsonRpcError(500, -32603, "Internal error"));
    }
  };
}
