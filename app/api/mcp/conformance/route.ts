// Test-mode twin of /api/mcp for the MCP conformance tool, whose server scenarios send no token: 404
// unless FETTLE_MCP_TEST_MODE=1 on a loopback server (every condition: lib/mcp/test-mode.ts).
import { conformanceEndpoint } from "@/lib/mcp/endpoint";

export const dynamic = "force-dynamic";

const handler = conformanceEndpoint();
export { handler as GET, handler as POST, handler as DELETE };
