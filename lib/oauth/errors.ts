// Errors in the shapes the RFCs define: RFC 6749 §5.2 (token endpoint), §4.1.2.1 (authorization
// redirects), RFC 7591 §3.2.2 (registration), RFC 7009 §2.2.1 (revocation), RFC 8707 §2 (invalid_target).
// Descriptions are fixed strings written here, never an exception's message.

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "unsupported_response_type"
  | "unsupported_token_type"
  | "invalid_scope"
  | "invalid_target"
  | "access_denied"
  | "server_error"
  | "temporarily_unavailable"
  | "invalid_redirect_uri"
  | "invalid_client_metadata";

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description?: string,
    readonly status = code === "invalid_client" ? 401 : code === "server_error" ? 500 : 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description ?? code);
    this.name = "OAuthError";
  }

  toJSON() {
    return this.description ? { error: this.code, error_description: this.description } : { error: this.code };
  }
}

export const oauthError = (code: OAuthErrorCode, description?: string) => new OAuthError(code, description);

/** 429 with Retry-After (RFC 6585 §4); the body stays in RFC 6749 shape so clients can parse it. */
export function rateLimited(retryAfter: number): OAuthError {
  return new OAuthError("temporarily_unavailable", "Too many requests", 429, { "Retry-After": String(retryAfter) });
}
