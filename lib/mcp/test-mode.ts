import "server-only";
// The conformance test endpoint (/api/mcp/conformance). The MCP conformance tool's `server` scenarios send
// no Authorization header, so they run against this twin of /api/mcp that serves the SAME server factory
// (tools, resources, prompts, checks) as a fixed caller instead of a token's. It exists only when:
//   - FETTLE_MCP_TEST_MODE=1 in the environment of the server process (read once, at start), and
//   - APP_URL is a loopback URL whenever NODE_ENV=production (`next start` always is), and
//   - the request itself is addressed to a loopback host.
// Otherwise it answers 404 like any unknown path. The caller defaults to viewer@acme.test (Read-only role)
// with every scope, so a test run can read but never change demo data.
import type { AuthInfo } from "@modelcontextprotocol/server";
import { loadTestCaller } from "@/lib/data/mcp-access";
import { issuer } from "@/lib/oauth/config";
import { SCOPES } from "@/lib/oauth/scopes";
import { effectivePermissions } from "@/lib/oauth/rights";
import { toPermissions } from "@/lib/tenancy/permissions";
import { authInfoFor } from "./auth";
import { logError } from "./log";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
const isLoopback = (hostname: string) => LOOPBACK.has(hostname.toLowerCase());

function startupProblem(): string | null {
  if (process.env.FETTLE_MCP_TEST_MODE !== "1") return "FETTLE_MCP_TEST_MODE is not 1";
  if (process.env.NODE_ENV === "production" && !isLoopback(new URL(issuer()).hostname)) {
    return "refusing test mode: NODE_ENV=production and APP_URL is not a loopback URL";
  }
  return null;
}

/** Decided once per server process; a refusal for an enabled flag is logged loudly. */
const STARTUP_PROBLEM = startupProblem();
if (process.env.FETTLE_MCP_TEST_MODE === "1" && STARTUP_PROBLEM) logError("mcp test mode disabled", "test-mode", STARTUP_PROBLEM);

export function testModeEnabled(req: Request): boolean {
  if (STARTUP_PROBLEM) return false;
  try {
    return isLoopback(new URL(`http://${req.headers.get("host") ?? ""}`).hostname);
  } catch {
    return false;
  }
}

export async function testAuthInfo(): Promise<AuthInfo | null> {
  const tenant = process.env.FETTLE_MCP_TEST_TENANT || "acme";
  const email = process.env.FETTLE_MCP_TEST_USER || "viewer@acme.test";
  const row = await loadTestCaller(tenant, email);
  if (!row) return null;
  const scopes = [...SCOPES];
  const caller = {
    access: {
      tenantId: row.tenantId,
      userId: row.userId,
      consumerId: null,
      // No consumer: the role is the ceiling.
      permissions: effectivePermissions(toPermissions(row.rolePermissions), row.rolePermissions, scopes),
    },
    scopes,
    tenant: { id: row.tenantId, slug: row.tenantSlug, name: row.tenantName },
    user: { id: row.userId, name: row.userName, email: row.userEmail },
    consumer: null,
  };
  return authInfoFor("test-mode", { caller, ip: null });
}
