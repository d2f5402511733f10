// Response helpers shared by the OAuth route handlers, so each handler stays a few lines.
import { machineHeaders } from "@/lib/http";
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

/** Prisma's "no connection free in time" (pool exhausted): an overload, not a fault. */
const isOverload = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2028";

/** Maps anything thrown to an RFC-shaped answer; unexpected errors are logged, never echoed. */
export function errorResponse(e: unknown): Response {
  if (e instanceof OAuthError) return json(e.toJSON(), e.status, e.headers);
  // RFC 9110 §15.6.4: a busy server says so and when to come back, rather than failing the client.
  if (isOverload(e)) return json({ error: "temporarily_unavailable" }, 503, { "Retry-After": "1" });
  console.error(JSON.stringify({ level: "error", msg: "oauth endpoint failed", error: String(e) }));
  return json({ error: "server_error" }, 500);
}

/** Wraps a handler so a thrown error always becomes an RFC-shaped response, never a stack trace. */
export function oauthHandler(fn: (req: Request) => Promise<Response>) {
  return async (req: Request) => {
    try {
      return await fn(req);
    } catch (e) {
      return errorResponse(e);
    }
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
