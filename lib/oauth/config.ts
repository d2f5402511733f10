// Identifiers and lifetimes of the authorization server (ARCHITECTURE.md §4, a contract).

/** RFC 8414 §2: the issuer is APP_URL exactly — https origin, no path, no trailing slash. */
export function issuer(): string {
  const configured = process.env.APP_URL?.trim();
  if (configured) return configured.replace(/\/+$/, "");
  // On Vercel without APP_URL: Vercel's own system variables name the deployment — never a request
  // header, which any client could forge into the issuer, the resource or a redirect.
  const vercelHost = process.env.VERCEL_ENV === "production" ? process.env.VERCEL_PROJECT_PRODUCTION_URL : process.env.VERCEL_URL;
  if (vercelHost) return `https://${vercelHost}`;
  return `http://localhost:${process.env.PORT || 3000}`;
}

/** RFC 8707: the one resource tokens are issued for — the MCP endpoint. */
export function resourceIdentifier(): string {
  return `${issuer()}/api/mcp`;
}

export const ENDPOINTS = {
  authorization: "/oauth/authorize",
  token: "/api/oauth/token",
  revocation: "/api/oauth/revoke",
  registration: "/api/oauth/register",
} as const;

export const endpointUrl = (name: keyof typeof ENDPOINTS) => `${issuer()}${ENDPOINTS[name]}`;

/** OAuth 2.1 §4.1.2: codes are short-lived; 60 s is plenty for a back-channel exchange. */
export const CODE_TTL_SECONDS = 60;
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
/** Sliding: every rotation starts a new 30 days. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;
/** A consent screen must be submitted within this time (CSRF token lifetime). */
export const CONSENT_TTL_SECONDS = 15 * 60;
/** Self-registered (DCR / CIMD) clients nobody used for this long are deleted. */
export const UNUSED_CLIENT_DAYS = 30;

/** Token endpoint: requests per client id per minute (brute force of a secret, runaway clients). */
export const TOKEN_RATE = { limit: 120, windowSeconds: 60 };
/** Registration: per address, a burst per minute and a ceiling per hour. */
export const REGISTER_RATE = { burst: 20, burstWindowSeconds: 60, hourly: 100 };
