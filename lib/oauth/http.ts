// Response helpers shared by the OAuth route handlers, so each handler stays a few lines.
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS, unavailableFields } from "@/lib/db/errors";
import { machineHeaders } from "@/lib/http";
import { errorFields, log, logRequest } from "@/lib/log";
import { OAuthError } from "./errors";

/** RFC 6749 §5.1: token responses (and their errors) must never be cached. */
export const NO_STORE = { "Cache-Control": "no-store", Pragma: "no-cache" } as const;

/**
 * Machine endpoints are called from browser-based clients too (MCP Inspector). No cookies are read by
 * them and credentials are never allowed, so a wildcard origin exposes nothing.
 */
export const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, MCP-Protocol-Version",
  "Access-Control-Max-Age": "86400",
} as const;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...CORS, ...machineHeaders(), ...headers } });
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS, ...machineHeaders() } });
}

/** Maps anything thrown to an RFC-shaped answer; unexpected errors are logged, never echoed. */
export function errorResponse(e: unknown): Response {
  if (e instanceof OAuthError) return json(e.toJSON(), e.status, e.headers);
  // RFC 9110 §15.6.4: a database that is away or out of connections is a wait, not a failure. The
  // transactions in lib/data/oauth-tokens.ts make a code exchange or a rotation all-or-nothing, so the
  // client may retry the same request (a code still unused, a refresh token still current).
  if (isDatabaseUnavailable(e)) {
    log.warn("oauth endpoint: database unavailable", unavailableFields(e));
    return json({ error: "temporarily_unavailable" }, 503, { "Retry-After": String(RETRY_AFTER_SECONDS) });
  }
  log.error("oauth endpoint failed", errorFields(e));
  return json({ error: "server_error" }, 500);
}

/** Wraps a handler so a thrown error always becomes an RFC-shaped response, never a stack trace. */
export function oauthHandler(fn: (req: Request) => Promise<Response>) {
  return async (req: Request) => {
    const started = performance.now();
    let res: Response;
    try {
      res = await fn(req);
    } catch (e) {
      res = errorResponse(e);
    }
    return logRequest(req, res, started);
  };
}

/**
 * RFC 6749 §3.2 / §2.3.1: bodies are application/x-www-form-urlencoded, and no parameter may appear twice.
 * Returns the parameters as a plain object (empty values dropped, as §3.1 says to treat them as omitted).
 */
export async function readForm(req: Request): Promise<Record<string, string>> {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw new OAuthError("invalid_request", "Content-Type must be application/x-www-form-urlencoded");
  }
  const text = await req.text();
  if (text.length > 16_384) throw new OAuthError("invalid_request", "Request body too large");
  const params = new URLSearchParams(text);
  const out: Record<string, string> = {};
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (seen.has(key)) throw new OAuthError("invalid_request", `Parameter ${key} repeated`);
    seen.add(key);
    if (value !== "") out[key] = value;
  }
  return out;
}
