// Scopes (ARCHITECTURE.md §3, a contract): `<module>:read` and `<module>:write`; metrics is read-only.
import { SCOPE_MODULES, scopesToPermissions, type Permissions } from "@/lib/tenancy/permissions";

export const SCOPES: readonly string[] = SCOPE_MODULES.flatMap((m) =>
  m === "metrics" ? [`${m}:read`] : [`${m}:read`, `${m}:write`],
);

/**
 * Generic scopes some clients add to every request. Refresh tokens here do not depend on them, so they are
 * dropped rather than failing the connection (RFC 6749 §3.3 lets the server ignore requested scope).
 */
const IGNORED = new Set(["offline_access", "openid", "profile", "email"]);

/** Parses a space-separated scope string (RFC 6749 §3.3); null when any scope is unknown (invalid_scope). */
export function parseScope(raw: unknown): string[] | null {
  if (raw === undefined || raw === null || raw === "") return [];
  if (typeof raw !== "string" || raw.length > 1000) return null;
  const list = [...new Set(raw.split(" ").filter((s) => s && !IGNORED.has(s)))];
  return list.every((s) => SCOPES.includes(s)) ? list.sort() : null;
}

export const formatScope = (scopes: readonly string[]) => [...scopes].sort().join(" ");

export function isSubset(inner: readonly string[], outer: readonly string[]): boolean {
  return inner.every((s) => outer.includes(s));
}

/** The scopes that grant at least one of `permissions` — what a consumer with that ceiling may ask for. */
export function scopesWithin(permissions: Permissions): string[] {
  return SCOPES.filter((scope) => [...scopesToPermissions([scope])].some((p) => permissions.has(p)));
}
