// The PEER: what a lean MCP server built straight on the official SDK would do — @modelcontextprotocol/server's
// stateless streamable HTTP handler on node:http, no Next.js, no mcp-handler — serving the one tool the
// benchmark calls with Fettle's own pieces: the same token check (lib/tenancy/token-access.ts, which runs
// lib/oauth/verify.ts), the same tool definition and so the same lib/data function (listWorkOrders) and the
// same structured output. It runs lib/ code outside Next, so start it with the react-server condition
// (`server-only` then resolves to its empty export):
//   PORT=3202 APP_URL=<Fettle's URL> DATABASE_URL=… tsx --conditions=react-server bench/peer-server.ts
import http from "node:http";
import { createMcpHandler, McpServer, type AuthInfo, type CallToolResult } from "@modelcontextprotocol/server";
import { resourceIdentifier } from "@/lib/oauth/config";
import { workOrderTools } from "@/lib/mcp/tools/work-orders";
import { can } from "@/lib/tenancy/access";
import { accessFromToken, type Caller } from "@/lib/tenancy/token-access";

const tool = workOrderTools.find((t) => t.name === "search_work_orders");
if (!tool) throw new Error("peer: lib/mcp/tools/work-orders.ts has no search_work_orders tool");
const searchTool = tool;

async function call(input: unknown, authInfo: AuthInfo | undefined): Promise<CallToolResult> {
  const caller = (authInfo?.extra as { caller?: Caller } | undefined)?.caller;
  const denied = (text: string): CallToolResult => ({ content: [{ type: "text", text }], isError: true });
  if (!caller) return denied("Not authenticated");
  if (!searchTool.scopes.every((s) => caller.scopes.includes(s))) return denied("Insufficient scope");
  if (searchTool.permission && !can(caller.access, ...searchTool.permission)) return denied("Forbidden");
  const { structured, summary } = await searchTool.handler(input as never, { access: caller.access, ip: null, caller });
  return { content: [{ type: "text", text: summary }, { type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
}

const mcp = createMcpHandler(() => {
  const server = new McpServer({ name: "fettle-peer", version: "0.0.0" });
  server.registerTool(
    searchTool.name,
    {
      title: searchTool.title,
      description: searchTool.description,
      inputSchema: searchTool.input,
      outputSchema: searchTool.output,
      annotations: { title: searchTool.title, ...searchTool.annotations },
    },
    (input: unknown, ctx) => call(input, ctx.http?.authInfo),
  );
  return server;
});

function unauthorized(res: http.ServerResponse) {
  res.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"', "content-type": "application/json" });
  res.end(JSON.stringify({ error: "invalid_token" }));
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method === "GET" && req.url === "/health") {
    res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
  const check = bearer ? await accessFromToken(bearer) : null;
  if (!bearer || !check?.ok) return unauthorized(res);
  const authInfo: AuthInfo = {
    token: bearer,
    clientId: check.caller.consumer?.id ?? "",
    scopes: check.caller.scopes,
    resource: new URL(resourceIdentifier()),
    extra: { caller: check.caller },
  };
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  const request = new Request(`http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`, {
    method: req.method,
    headers,
    body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
  });
  const response = await mcp.fetch(request, { authInfo });
  // Stateless exchanges end their stream after the one response, so reading it whole is safe.
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(body);
}

const httpServer = http.createServer((req, res) => {
  handle(req, res).catch((e: unknown) => {
    console.error(JSON.stringify({ level: "error", msg: "peer request failed", error: String(e) }));
    if (!res.headersSent) res.writeHead(500).end();
  });
});
httpServer.keepAliveTimeout = 65_000;
httpServer.listen(Number(process.env.PORT ?? 3202), "127.0.0.1", () => console.log(`peer server on ${process.env.PORT ?? 3202}`));

const stop = () => httpServer.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
