// Raw MCP streamable HTTP as a 2025-11-25 client speaks it to a stateless server: one JSON-RPC POST per call,
// no session, the answer as JSON or as a one-message SSE stream.

export const MCP_HEADERS = {
  accept: "application/json, text/event-stream",
  "content-type": "application/json",
  "mcp-protocol-version": "2025-11-25",
};

export const toolCall = (name: string, args: Record<string, unknown>, id = 1) =>
  JSON.stringify({ jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });

export interface RpcAnswer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  message: any;
}

export async function rpc(url: string, token: string, body: string): Promise<RpcAnswer> {
  const res = await fetch(url, { method: "POST", headers: { ...MCP_HEADERS, authorization: `Bearer ${token}` }, body });
  const text = await res.text();
  const data = /^(event|data|id):/m.test(text) ? (text.split("\n").find((l) => l.startsWith("data: ")) ?? "data: null").slice(6) : text;
  let message: unknown = null;
  try {
    message = data ? JSON.parse(data) : null;
  } catch {
    message = { raw: text.slice(0, 500) };
  }
  return { status: res.status, message };
}

/** A tools/call that must succeed; returns its structuredContent. */
export async function callTool(url: string, token: string, name: string, args: Record<string, unknown>) {
  const answer = await rpc(url, token, toolCall(name, args));
  const result = answer.message?.result;
  if (answer.status !== 200 || !result || result.isError) {
    throw new Error(`${name} at ${url}: HTTP ${answer.status} ${JSON.stringify(answer.message).slice(0, 500)}`);
  }
  return result.structuredContent as Record<string, unknown>;
}

export async function listTools(url: string, token: string): Promise<string[]> {
  const answer = await rpc(url, token, JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }));
  return (answer.message?.result?.tools ?? []).map((t: { name: string }) => t.name);
}

/** JSON with arrays of names sorted, so two answers compare equal whatever order ties came back in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? [...v].sort() : v));
}
