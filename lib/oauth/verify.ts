// Bearer token validation for resource servers (the MCP endpoint, RFC 6750 §2.1 / RFC 8707 §2). Cheap
// enough for every request: a format check, then one transaction (lib/data/oauth-access.ts): the token by
// its SHA-256, the live state of its grant together with the caller's rows.
import { grantRights, loadAccessToken, type CallerRow } from "@/lib/data/oauth-access";
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
 * The token's context and its caller's rows, or null when it is unknown, expired or revoked, or when what
 * it depends on is gone: a revoked authorization, a disabled or deleted consumer, an inactive user or one
 * no longer a member.
 */
export async function verifyAccessToken(raw: string): Promise<{ context: TokenContext; caller: CallerRow } | null> {
  if (typeof raw !== "string" || !TOKEN.test(raw)) return null;
  const found = await loadAccessToken(sha256(raw));
  if (!found) return null;
  const { token, caller } = found;
  return {
    context: {
      tenantId: token.tenantId,
      userId: token.userId,
      consumerId: token.consumerId,
      authorizationId: token.authorizationId,
      scopes: token.scopes,
      resource: token.resource,
      expiresAt: token.expiresAt,
    },
    caller,
  };
}

/** verifyAccessToken without the caller: for resource servers that only need the token's context. */
export async function authenticateAccessToken(raw: string): Promise<TokenContext | null> {
  return (await verifyAccessToken(raw))?.context ?? null;
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
