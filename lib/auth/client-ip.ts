// Where a request comes from, for rate limits and the Transactions log.

/**
 * The client's address, or null when nothing trustworthy says it. Forwarded headers are only as honest as
 * the proxy in front: Vercel overwrites them, a self-hosted proxy is declared with TRUST_PROXY=true. Trusted
 * blindly, any client could name its own address and step around per-address rate limits.
 */
export function clientIp(h: Headers): string | null {
  if (!process.env.VERCEL && process.env.TRUST_PROXY !== "true") return null;
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() || h.get("x-real-ip") || null;
}
