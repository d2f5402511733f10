// Bearer token validation for resource servers (the MCP endpoint, RFC 6750 §2.1 / RFC 8707 §2). Cheap
// enough for every request: a format check, one indexed lookup by SHA-256, one query for the live state.
import { accessTokenIsLive, findAccessToken, grantRights } from "@/lib/data/oauth-access";
import { intersect, scopesToPermissions, toPermissions, type Permissions } from "@/lib/tenancy/permissions";
import { PREFIX, sha256 } from "./tokens";

export type TokenContext = {
  tenantId: string;
  /** null for client-credentials tokens */
  userId: string | null;
  consumerId: string;
  /** null for client-credentials tokens */
  authorizationId: string | null;
  scopes: string[];
  /** the RFC 8707 resource the token was issued for; the caller must compare it to its own identifier */
  resource: string;
  expiresAt: Date;
};

const TOKEN = new RegExp(`^${PREFIX.accessToken}[A-Za-z0-9_-]{43}$`);

/**
 * The token's context, or null when it is unknown, expired or revoked, or when what it depends on is gone:
 * a revoked authorization, a disabled or deleted consumer, an inactive user or one no longer a member.
 */
export async function authenticateAccessToken(raw: string): Promise<TokenContext | null> {
  if (typeof raw !== "string" || !TOKEN.test(raw)) return null;
  const row = await findAccessToken(sha256(raw));
  if (!row || row.revokedAt || row.expiresAt.getTime() <= Date.now()) return null;
  if (!(await accessTokenIsLive(row))) return null;
  return {
    tenantId: row.tenantId,
    userId: row.userId,
    consumerId: row.consumerId,
    authorizationId: row.authorizationId,
    scopes: row.scopes,
    resource: row.resource,
    expiresAt: row.expiresAt,
  };
}

/**
 * ARCHITECTURE.md §3: effective = ceiling(consumer) ∩ role(user) ∩ scopes(token), from current rows.
 * Client-credentials tokens carry the ceiling alone (∩ scopes).
 */
export async function tokenPermissions(ctx: TokenContext): Promise<Permissions> {
  const rights = await grantRights(ctx);
  if (!rights) return new Set();
  const scoped = intersect(rights.ceiling, scopesToPermissions(ctx.scopes));
  return ctx.userId ? intersect(scoped, toPermissions(rights.role)) : scoped;
}
