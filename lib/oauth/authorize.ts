// Validating an authorization request (OAuth 2.1 §4.1.1, RFC 6749 §4.1.2.1). Order matters: until the
// client and its redirect URI are verified, errors go to an error page — never to a redirect, or the
// endpoint becomes an open redirector. After that, errors return to the client with `state` and `iss`.
import { findClient, type Client } from "@/lib/data/oauth-clients";
import { isMetadataUrl, MetadataDocumentError, resolveMetadataClient } from "./cimd";
import { issuer, resourceIdentifier } from "./config";
import type { OAuthErrorCode } from "./errors";
import { isValidChallenge } from "./pkce";
import { matchRedirectUri } from "./redirect";
import { parseScope } from "./scopes";

/** The request parameters a consent form carries back unchanged. */
export const REQUEST_PARAMS = ["client_id", "redirect_uri", "response_type", "code_challenge", "code_challenge_method", "state", "scope", "resource"] as const;

export interface AuthorizeRequest {
  client: Client;
  redirectUri: string;
  state: string | null;
  codeChallenge: string;
  /** null = no scope parameter: every scope the consumer allows (ARCHITECTURE.md §3) */
  scopes: string[] | null;
  resource: string;
  /** the parameters as received, for the consent form */
  params: Record<string, string>;
}

export type PageError = "invalid_client" | "invalid_redirect_uri" | "invalid_request";

export type AuthorizeCheck =
  | { ok: true; request: AuthorizeRequest }
  | { ok: false; page: PageError }
  | { ok: false; redirect: string };

/** RFC 9207 §2 + RFC 6749 §4.1.2: every response to the client carries `iss`, and `state` when sent. */
export function clientRedirect(redirectUri: string, params: Record<string, string | null | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value != null) url.searchParams.append(key, value);
  url.searchParams.set("iss", issuer());
  return url.toString();
}

export function errorRedirect(redirectUri: string, state: string | null, error: OAuthErrorCode, description?: string): string {
  return clientRedirect(redirectUri, { error, error_description: description, state });
}

async function loadClient(clientId: string): Promise<Client | null> {
  if (!isMetadataUrl(clientId)) return findClient(clientId);
  try {
    return await resolveMetadataClient(clientId);
  } catch (e) {
    if (e instanceof MetadataDocumentError) {
      console.warn(JSON.stringify({ level: "warn", msg: "client metadata document refused", reason: e.message }));
      return null;
    }
    throw e;
  }
}

export async function validateAuthorizeRequest(query: URLSearchParams): Promise<AuthorizeCheck> {
  // RFC 6749 §3.1: parameters must not be repeated.
  const repeated = REQUEST_PARAMS.filter((p) => query.getAll(p).length > 1);
  if (repeated.includes("client_id") || repeated.includes("redirect_uri")) return { ok: false, page: "invalid_request" };
  const params: Record<string, string> = {};
  for (const p of REQUEST_PARAMS) {
    const v = query.get(p);
    if (v) params[p] = v;
  }
  const client = params.client_id ? await loadClient(params.client_id) : null;
  if (!client || client.disabled) return { ok: false, page: "invalid_client" };
  const redirectUri = matchRedirectUri(params.redirect_uri, client.redirectUris);
  if (!redirectUri) return { ok: false, page: "invalid_redirect_uri" };

  const state = params.state ?? null;
  const fail = (error: OAuthErrorCode, description: string): AuthorizeCheck => ({ ok: false, redirect: errorRedirect(redirectUri, state, error, description) });
  if (repeated.length) return fail("invalid_request", `Repeated parameter ${repeated[0]}`);
  if (state && state.length > 2048) return fail("invalid_request", "state too long");
  if (!params.response_type) return fail("invalid_request", "response_type is required");
  if (params.response_type !== "code") return fail("unsupported_response_type", "Only response_type=code is supported");
  if (!client.grantTypes.includes("authorization_code")) return fail("unauthorized_client", "Client may not use the authorization code grant");
  // OAuth 2.1 §4.1.1: PKCE is required for every client, and only S256 is offered.
  if (!params.code_challenge) return fail("invalid_request", "code_challenge is required");
  if (params.code_challenge_method !== "S256") return fail("invalid_request", "code_challenge_method must be S256");
  if (!isValidChallenge(params.code_challenge, params.code_challenge_method)) return fail("invalid_request", "Malformed code_challenge");
  const scopes = parseScope(params.scope);
  if (scopes === null) return fail("invalid_scope", "Unknown scope");
  // RFC 8707 §2: the only resource here is the MCP endpoint.
  if (params.resource && params.resource !== resourceIdentifier()) return fail("invalid_target", "Unknown resource");
  return {
    ok: true,
    request: {
      client,
      redirectUri,
      state,
      codeChallenge: params.code_challenge,
      scopes: params.scope && scopes.length ? scopes : null,
      resource: resourceIdentifier(),
      params,
    },
  };
}
