// Client authentication at the token and revocation endpoints (RFC 6749 §2.3, OAuth 2.1 §2.4):
// client_secret_basic, client_secret_post, or `none` for public clients (which must then rely on PKCE).
// Secrets are compared through the slow hash, which compares in constant time; an unknown client costs
// the same hash, so timing does not reveal which client ids exist.
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { findClient, type Client } from "@/lib/data/oauth-clients";
import { OAuthError } from "./errors";

export type AuthMethod = "client_secret_basic" | "client_secret_post" | "none";
export interface PresentedClient {
  clientId: string;
  secret: string | null;
  method: AuthMethod;
}

const BASIC_CHALLENGE = { "WWW-Authenticate": 'Basic realm="fettle", charset="UTF-8"' };

/** RFC 6749 §5.2: invalid_client is a 401, with a Basic challenge when the client tried Basic. */
export function invalidClient(viaBasic: boolean, description = "Client authentication failed"): OAuthError {
  return new OAuthError("invalid_client", description, 401, viaBasic ? BASIC_CHALLENGE : {});
}

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. Malformed input → invalid_client. */
function parseBasic(header: string): { id: string; secret: string } {
  const match = /^Basic ([A-Za-z0-9+/]+={0,2})$/i.exec(header.trim());
  if (!match) throw invalidClient(true, "Malformed Basic credentials");
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw invalidClient(true, "Malformed Basic credentials");
  try {
    const unform = (s: string) => decodeURIComponent(s.replace(/\+/g, " "));
    return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
  } catch {
    throw invalidClient(true, "Malformed Basic credentials");
  }
}

/** Which client is calling and how; never more than one method at once (RFC 6749 §2.3). */
export function presentedClient(headers: Headers, body: Record<string, string>): PresentedClient {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    if (!/^Basic /i.test(authorization.trim())) throw invalidClient(true, "Unsupported authentication scheme");
    const basic = parseBasic(authorization);
    if (body.client_secret !== undefined) throw invalidClient(true, "Use one client authentication method");
    if (body.client_id !== undefined && body.client_id !== basic.id) throw invalidClient(true, "client_id does not match");
    if (!basic.id || !basic.secret) throw invalidClient(true, "Malformed Basic credentials");
    return { clientId: basic.id, secret: basic.secret, method: "client_secret_basic" };
  }
  if (!body.client_id) throw invalidClient(false, "Client authentication required");
  if (body.client_secret !== undefined) return { clientId: body.client_id, secret: body.client_secret, method: "client_secret_post" };
  return { clientId: body.client_id, secret: null, method: "none" };
}

/**
 * Confidential clients must prove their secret; public clients must not send one (they have none).
 * Disabled and unknown clients fail the same way.
 */
export async function authenticateClient(presented: PresentedClient): Promise<Client> {
  const viaBasic = presented.method === "client_secret_basic";
  const client = await findClient(presented.clientId);
  if (presented.secret !== null) {
    const ok = await verifyPassword(presented.secret, client?.secretHash ?? DUMMY_HASH);
    if (!client || !client.secretHash || !ok) throw invalidClient(viaBasic);
  } else if (!client || client.secretHash) {
    throw invalidClient(false);
  }
  if (client.disabled) throw invalidClient(viaBasic);
  return client;
}
