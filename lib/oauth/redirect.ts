// Redirect URIs (OAuth 2.1 §2.3.1 / §7.5): registered URIs must be https, or http on a loopback address
// for native apps; matching is exact string comparison, except that a loopback URI may use any port
// (RFC 8252 §7.3). Fragments, credentials and other schemes (javascript:, data:, …) are refused at
// registration.

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);

export function redirectUriProblem(raw: string): string | null {
  // Whitespace, control characters and backslashes are "fixed up" differently by URL parsers and
  // browsers; refusing them keeps the registered string and the followed URL the same thing.
  if (/[\s\\\u0000-\u001f\u007f]/.test(raw)) return "contains whitespace, control characters or backslashes";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "is not an absolute URL";
  }
  if (url.hash || raw.includes("#")) return "must not contain a fragment";
  if (url.username || url.password) return "must not contain credentials";
  if (!url.hostname) return "must name a host";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return "must use https (or http on a loopback address)";
}

function isLoopback(url: URL) {
  return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}

/** Does `requested` match one of the registered URIs exactly (loopback: any port)? */
export function matchRedirectUri(requested: unknown, registered: readonly string[]): string | null {
  if (typeof requested !== "string" || requested.length > 2000) return null;
  if (redirectUriProblem(requested)) return null;
  if (registered.includes(requested)) return requested;
  const req = new URL(requested);
  if (!isLoopback(req)) return null;
  // The requested string must be in canonical form, so encoding or case tricks cannot slip through;
  // then everything but the port must equal a registered loopback URI.
  const canonical = (u: URL) => `${u.protocol}//${u.host}${u.pathname}${u.search}`;
  if (requested !== canonical(req)) return null;
  const withoutPort = (u: URL) => `${u.protocol}//${u.hostname}${u.pathname}${u.search}`;
  for (const candidate of registered) {
    if (redirectUriProblem(candidate)) continue;
    const reg = new URL(candidate);
    if (isLoopback(reg) && withoutPort(reg) === withoutPort(req)) return requested;
  }
  return null;
}
