// The remote MCP endpoint (ARCHITECTURE.md §5): stateless streamable HTTP for 2025-06-18 / 2025-11-25
// clients and the 2026-07-28 revision, behind bearer tokens of our own authorization server. Everything
// is in lib/mcp: endpoint.ts (Origin → body bound → token → MCP), auth.ts, register.ts, tools/.
import { clientIp } from "@/lib/auth/session";
import { mcpEndpoint } from "@/lib/mcp/endpoint";

export const dynamic = "force-dynamic";

const handler = mcpEndpoint(clientIp);
export { handler as GET, handler as POST, handler as DELETE };
