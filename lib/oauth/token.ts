// The token endpoint (RFC 6749 §3.2, OAuth 2.1 §3.2): client authentication, then one handler per grant.
import { hit } from "@/lib/ratelimit";
import { findCode, issueClientToken, redeemCode, rotateRefreshToken, type NewTokens, type RefreshRow } from "@/lib/data/oauth-tokens";
import type { Client } from "@/lib/data/oauth-clients";
import { GRANT_TYPES, tokenRequestSchema, type TokenRequest } from "@/lib/validation/oauth";
import { authenticateClient, presentedClient } from "./client-auth";
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS, resourceIdentifier, TOKEN_RATE } from "./config";
import { OAuthError, oauthError, rateLimited } from "./errors";
import { json } from "./http";
import { verifyPkce } from "./pkce";
import { formatScope, isSubset, parseScope } from "./scopes";
import { newSecret, PREFIX, sha256 } from "./tokens";

type Grant<G extends TokenRequest["grant_type"]> = Extract<TokenRequest, { grant_type: G }>;

function newTokens(withRefresh: boolean, ip: string | null) {
  const now = Date.now();
  const accessToken = newSecret(PREFIX.accessToken);
  const refreshToken = withRefresh ? newSecret(PREFIX.refreshToken) : null;
  const stored: NewTokens = {
    accessHash: sha256(accessToken),
    accessExpiresAt: new Date(now + ACCESS_TOKEN_TTL_SECONDS * 1000),
    refreshHash: refreshToken ? sha256(refreshToken) : null,
    refreshExpiresAt: new Date(now + REFRESH_TOKEN_TTL_SECONDS * 1000),
    ip,
  };
  return { accessToken, refreshToken, stored };
}

/** RFC 6749 §5.1 */
function tokenResponse(accessToken: string, refreshToken: string | null, scopes: string[]) {
  return json({
    access_token: accessToken,
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    scope: formatScope(scopes),
  });
}

/** RFC 8707 §2.2: a token request may name the resource again, but only the one the grant is bound to. */
function checkResource(requested: string | undefined, bound: string) {
  if (requested !== undefined && requested !== bound) throw oauthError("invalid_target", "Unknown resource");
}

/**
 * OAuth 2.1 §4.1.3. Client, redirect URI and PKCE verifier are checked BEFORE the code is claimed: a
 * replay with a wrong verifier or secret proves nothing, so it neither consumes nor revokes anything.
 */
async function authorizationCode(client: Client, req: Grant<"authorization_code">, ip: string | null) {
  const code = await findCode(sha256(req.code));
  const invalid = oauthError("invalid_grant", "Invalid authorization code");
  if (!code || code.consumerId !== client.id || code.redirectUri !== req.redirect_uri) throw invalid;
  if (!verifyPkce(req.code_verifier, code.codeChallenge)) throw invalid;
  checkResource(req.resource, code.resource);
  // A used code goes on to redeemCode even when expired: its replay must still revoke what it issued.
  if (!code.usedAt && code.expiresAt.getTime() <= Date.now()) throw invalid;
  const t = newTokens(client.grantTypes.includes("refresh_token"), ip);
  const result = await redeemCode(code, t.stored);
  if (!result.ok) throw invalid;
  return tokenResponse(t.accessToken, t.refreshToken, result.scopes);
}

/** RFC 6749 §6 with rotation (OAuth 2.1 §4.3.1): scope may shrink for the access token, never grow. */
async function refreshToken(client: Client, req: Grant<"refresh_token">, ip: string | null) {
  const invalid = oauthError("invalid_grant", "Invalid refresh token");
  const t = newTokens(true, ip);
  // Checked inside the rotation's transaction, on the locked row, before anything is written.
  const accept = (row: RefreshRow) => {
    if (row.consumerId !== client.id || row.revokedAt || row.expiresAt.getTime() <= Date.now()) throw invalid;
    checkResource(req.resource, row.resource);
    const requested = parseScope(req.scope);
    if (requested === null || !isSubset(requested, row.scopes)) throw oauthError("invalid_scope", "Scope exceeds the original grant");
    return requested.length ? requested : row.scopes;
  };
  const result = await rotateRefreshToken(sha256(req.refresh_token), accept, t.stored);
  if (!result?.ok) throw invalid;
  return tokenResponse(t.accessToken, t.refreshToken, result.scopes);
}

/** RFC 6749 §4.4: confidential tenant consumers only; the token carries the permission group alone. */
async function clientCredentials(client: Client, req: Grant<"client_credentials">, ip: string | null) {
  if (!client.tenantId || !client.secretHash) throw oauthError("unauthorized_client", "Grant not allowed for this client");
  checkResource(req.resource, resourceIdentifier());
  const requested = parseScope(req.scope);
  if (requested === null) throw oauthError("invalid_scope", "Unknown scope");
  const t = newTokens(false, ip);
  const scopes = await issueClientToken({ ...client, tenantId: client.tenantId }, requested, resourceIdentifier(), t.stored);
  if (!scopes) throw oauthError("invalid_scope", "Scope exceeds what this consumer may be granted");
  return tokenResponse(t.accessToken, null, scopes);
}

export async function handleTokenRequest(body: Record<string, string>, headers: Headers, ip: string | null): Promise<Response> {
  const presented = presentedClient(headers, body);
  // Before the slow hash: guessing a client's secret, or a runaway client, stops here (429 + Retry-After).
  const rate = await hit(`oauth:token:${sha256(presented.clientId)}`, TOKEN_RATE.limit, TOKEN_RATE.windowSeconds);
  if (!rate.ok) throw rateLimited(rate.retryAfter);
  const client = await authenticateClient(presented);

  const { client_id: _id, client_secret: _secret, ...params } = body;
  if (!params.grant_type) throw oauthError("invalid_request", "grant_type is required");
  if (!(GRANT_TYPES as readonly string[]).includes(params.grant_type)) throw oauthError("unsupported_grant_type");
  const parsed = tokenRequestSchema.safeParse(params);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join(".") || "request";
    throw oauthError("invalid_request", `Missing or invalid ${field}`);
  }
  const req = parsed.data;
  if (!client.grantTypes.includes(req.grant_type)) throw oauthError("unauthorized_client", "Grant not allowed for this client");
  switch (req.grant_type) {
    case "authorization_code":
      return authorizationCode(client, req, ip);
    case "refresh_token":
      return refreshToken(client, req, ip);
    case "client_credentials":
      return clientCredentials(client, req, ip);
  }
}
