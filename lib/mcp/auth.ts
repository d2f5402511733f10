import "server-only";
// How the MCP endpoint authenticates (MCP authorization spec, RFC 6750, RFC 9728): a bearer token is turned
// into the caller (lib/tenancy/token-access.ts) and handed to tool handlers inside the SDK's AuthInfo.
// Every failure is an `invalid_token` 401 (the client must get a new token); the description only tells a
// token minted for another resource apart, which is a client bug worth naming. A database that cannot be
// reached is NOT a token failure: that error propagates (→ 503 in lib/mcp/http.ts), so a client keeps its
// token and retries instead of sending its user through the OAuth flow again.
import { bearerAuthChallengeResponse, OAuthError, OAuthErrorCode, type AuthInfo } from "@modelcontextprotocol/server";
import { issuer, resourceIdentifier } from "@/lib/oauth/config";
import { formatScope, SCOPES } from "@/lib/oauth/scopes";
import { accessFromToken, type Caller } from "@/lib/tenancy/token-access";
import { newOutcome, type Outcome } from "./outcome";

export const RESOURCE_METADATA_PATH = "/.well-known/oauth-protected-resource/api/mcp";
const resourceMetadataUrl = () => `${issuer()}${RESOURCE_METADATA_PATH}`;

/** What rides along in AuthInfo.extra. */
export interface CallerInfo {
  caller: Caller;
  /** the client's address, for audit rows */
  ip: string | null;
  /** per request: what the HTTP layer must learn from the tools (lib/mcp/outcome.ts) */
  outcome: Outcome;
}

export function authInfoFor(token: string, info: Omit<CallerInfo, "outcome">): AuthInfo {
  return {
    token,
    clientId: info.caller.consumer?.id ?? "",
    scopes: info.caller.scopes,
    resource: new URL(resourceIdentifier()),
    // Stamped so the SDK's per-tool insufficient_scope challenges name the same metadata document.
    resourceMetadataUrl: resourceMetadataUrl(),
    extra: { ...info, outcome: newOutcome() } satisfies CallerInfo,
  };
}

/** The token check behind `authenticate`: throws OAuthError(invalid_token) for anything but a live token for us. */
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

/**
 * The endpoint's authentication step (what mcp-handler's withMcpAuth did, minus its habit of turning every
 * thrown error into a 401): the caller's AuthInfo, or the 401 challenge naming the metadata document and the
 * scopes to ask for (RFC 6750 §3, MCP 2025-11-25 scope selection). Other errors are rethrown.
 */
export async function authenticate(req: Request, ip: string | null): Promise<AuthInfo | Response> {
  const [type, token] = req.headers.get("authorization")?.split(" ") ?? [];
  try {
    return await verifyBearer(type?.toLowerCase() === "bearer" ? token : undefined, ip);
  } catch (e) {
    if (!OAuthError.isInstance(e)) throw e;
    return bearerAuthChallengeResponse(e, { requiredScopes: formatScope(SCOPES).split(" "), resourceMetadataUrl: resourceMetadataUrl() });
  }
}

/** The caller of a tool/resource/prompt handler (or of the whole request), from the SDK's AuthInfo. */
export function callerFrom(ctx: { http?: { authInfo?: AuthInfo } }): CallerInfo | null {
  const extra = ctx.http?.authInfo?.extra as Partial<CallerInfo> | undefined;
  return extra?.caller ? { caller: extra.caller, ip: extra.ip ?? null, outcome: extra.outcome ?? newOutcome() } : null;
}
