import "server-only";
// How the MCP endpoint authenticates (MCP authorization spec, RFC 6750, RFC 9728): a bearer token is turned
// into the caller (lib/tenancy/token-access.ts) and handed to tool handlers inside the SDK's AuthInfo.
// Every failure is an `invalid_token` 401 (the client must get a new token); the description only tells a
// token minted for another resource apart, which is a client bug worth naming.
import { OAuthError, OAuthErrorCode, type AuthInfo } from "@modelcontextprotocol/server";
import { issuer, resourceIdentifier } from "@/lib/oauth/config";
import { accessFromToken, type Caller } from "@/lib/tenancy/token-access";

export const RESOURCE_METADATA_PATH = "/.well-known/oauth-protected-resource/api/mcp";
const resourceMetadataUrl = () => `${issuer()}${RESOURCE_METADATA_PATH}`;

/** What rides along in AuthInfo.extra. */
export interface CallerInfo {
  caller: Caller;
  /** the client's address, for audit rows */
  ip: string | null;
}

export function authInfoFor(token: string, info: CallerInfo): AuthInfo {
  return {
    token,
    clientId: info.caller.consumer?.id ?? "",
    scopes: info.caller.scopes,
    resource: new URL(resourceIdentifier()),
    // Stamped so the SDK's per-tool insufficient_scope challenges name the same metadata document.
    resourceMetadataUrl: resourceMetadataUrl(),
    extra: { ...info },
  };
}

/** withMcpAuth's verifyToken: throws OAuthError(invalid_token) for anything but a live token for us. */
export async function verifyBearer(bearer: string | undefined, ip: string | null): Promise<AuthInfo> {
  if (!bearer) throw new OAuthError(OAuthErrorCode.InvalidToken, "Missing bearer token");
  const check = await accessFromToken(bearer);
  if (!check.ok) {
    throw new OAuthError(
      OAuthErrorCode.InvalidToken,
      check.reason === "audience" ? "Token was not issued for this resource" : "Invalid or expired token",
    );
  }
  return authInfoFor(bearer, { caller: check.caller, ip });
}

/** The caller of a tool/resource/prompt handler, from the SDK's context. */
export function callerFrom(ctx: { http?: { authInfo?: AuthInfo } }): CallerInfo | null {
  const extra = ctx.http?.authInfo?.extra as Partial<CallerInfo> | undefined;
  return extra?.caller ? { caller: extra.caller, ip: extra.ip ?? null } : null;
}
