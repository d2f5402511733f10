// Token revocation (RFC 7009). The client authenticates as at the token endpoint; an unknown token, or
// one issued to another client, gets the same empty 200 (§2.2), so the endpoint reveals nothing and a
// client can only ever revoke its own tokens.
import { hit } from "@/lib/ratelimit";
import { findTokenByHash, revokeToken } from "@/lib/data/oauth-tokens";
import { revocationRequestSchema } from "@/lib/validation/oauth";
import { authenticateClient, presentedClient } from "./client-auth";
import { TOKEN_RATE } from "./config";
import { oauthError, rateLimited } from "./errors";
import { NO_STORE, CORS } from "./http";
import { sha256 } from "./tokens";

export async function handleRevocation(body: Record<string, string>, headers: Headers, ip: string | null): Promise<Response> {
  const presented = presentedClient(headers, body);
  const rate = await hit(`oauth:revoke:${sha256(presented.clientId)}`, TOKEN_RATE.limit, TOKEN_RATE.windowSeconds);
  if (!rate.ok) throw rateLimited(rate.retryAfter);
  const client = await authenticateClient(presented);
  const parsed = revocationRequestSchema.safeParse(body);
  if (!parsed.success) throw oauthError("invalid_request", "token is required");
  const token = await findTokenByHash(sha256(parsed.data.token));
  if (token && token.consumerId === client.id) await revokeToken(token, ip);
  return new Response(null, { status: 200, headers: { ...NO_STORE, ...CORS } });
}
