import "server-only";
// The MCP server factory. mcp-handler builds a fresh McpServer per HTTP request (stateless streamable HTTP),
// so nothing of one caller can leak into another's exchange; the caller rides in each request's AuthInfo.
import type { McpServer } from "@modelcontextprotocol/server";
import type { McpHandlerOptions } from "mcp-handler";
import { registerPrompts } from "./prompts";
import { registerTools } from "./register";
import { registerResources } from "./resources";
import { TOOLS } from "./tools";

export const SERVER_OPTIONS: McpHandlerOptions = {
  serverInfo: { name: "fettle", version: "0.1.0" },
  instructions: [
    "Fettle is a maintenance management system (CMMS): work orders, assets and locations, meters, work requests,",
    "preventive maintenance plans, spare parts inventory and maintenance KPIs for one organisation (the tenant).",
    "Every answer must come from these tools; you act with the connected user's exact rights.",
    "Call whoami to see which tenant, user and permissions this connection has. Lists are paginated: pass",
    "nextCursor back as cursor for more. Refer to work orders and assets by their codes (e.g. WO-000123).",
  ].join(" "),
};

export function initializeServer(server: McpServer) {
  registerTools(server, TOOLS);
  registerResources(server, TOOLS);
  registerPrompts(server);
}

const BY_NAME = new Map(TOOLS.map((t) => [t.name, t]));

/**
 * The server for one tools/call of `name`: stateless HTTP builds a server per request, and a call can
 * only reach the tool it names, so registering the other tools, resources and prompts was work thrown away
 * on every call (most of the server's own cost per request). Unknown names get the full server, which
 * answers them as every MCP server does.
 */
export function toolServer(name: string): ((server: McpServer) => void) | null {
  const tool = BY_NAME.get(name);
  return tool ? (server) => registerTools(server, [tool]) : null;
}
