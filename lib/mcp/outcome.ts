import "server-only";
// What the HTTP layer must learn from inside an MCP exchange. The SDK turns anything a tool throws into a
// 200 answer with an `isError` result, and for 2025-era clients it has already started a 200 SSE stream
// by the time the tool runs. A tool that failed because the database is away must not look like a tool
// error (the client would report "the tool failed" and move on, hiding an outage it should wait out): it
// marks the request's Outcome, and `settle` holds the answer until the exchange is over and then replaces
// it with the endpoint's 503 + Retry-After.
import { unavailableResponse, type RpcCall } from "./http";

export interface Outcome {
  /** a handler met an unreachable database (lib/db/errors.ts) */
  unavailable: boolean;
}

export const newOutcome = (): Outcome => ({ unavailable: false });

// Methods whose handlers touch the database (resources are served by tools); the rest (initialize, ping,
// tools/list, prompts, …) never mark one. Long-lived streams (2026-07-28 subscriptions/listen) are never
// held back.
const SETTLED_METHODS = new Set(["tools/call", "resources/read"]);

const isEventStream = (res: Response) => res.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() === "text/event-stream";

/**
 * The answer to send for `res`: as is, or — when a handler met an unreachable database — a 503. A
 * one-request SSE stream ends with its result, so reading it whole costs the client nothing in time.
 */
export async function settle(res: Response, outcome: Outcome, call: RpcCall): Promise<Response> {
  if (!call.method || !SETTLED_METHODS.has(call.method)) return res;
  if (!isEventStream(res) || !res.body) return outcome.unavailable ? unavailableResponse(call.id) : res;
  const text = await res.text();
  if (outcome.unavailable) return unavailableResponse(call.id);
  return new Response(text, { status: res.status, statusText: res.statusText, headers: res.headers });
}
