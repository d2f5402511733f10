import "server-only";
// Bearer token → the caller's Access, on every MCP request, from current rows (ARCHITECTURE.md §3):
//   effective = ceiling(consumer in tenant) ∩ role(user in tenant) ∩ scopes(token)
// Client-credentials tokens have no user: ceiling ∩ scopes. So a role downgrade, a disabled consumer or a
// revoked authorization applies to the very next call. Cost: lib/oauth/verify.ts, one transaction (token
// lookup, then the live state of tenant, consumer, ceiling, user and role in one query).
import type { CallerRow } from "@/lib/data/oauth-access";
import { resourceIdentifier } from "@/lib/oauth/config";
import { ceiling, effectivePermissions } from "@/lib/oauth/rights";
import { verifyAccessToken, type TokenContext } from "@/lib/oauth/verify";
import type { Access } from "./access";
import { intersect, scopesToPermissions, type Permissions } from "./permissions";

/** Everything the MCP layer knows about who is calling. */
export interface Caller {
  access: Access;
  /** the token's granted scopes */
  scopes: string[];
  tenant: { id: string; slug: string; name: string };
  /** null for client-credentials tokens */
  user: { id: string; name: string; email: string } | null;
  /** null only on the conformance test endpoint, which has no OAuth client */
  consumer: { id: string; name: string } | null;
}

export type TokenCheck = { ok: true; caller: Caller } | { ok: false; reason: "invalid" | "audience" };

/** The rights a token carries, from its row and the caller's current rows. */
export function callerPermissions(token: Pick<TokenContext, "tenantId" | "userId" | "scopes">, row: CallerRow): Permissions {
  // A tenant consumer is only ever good in its own tenant.
  if (row.consumerTenantId !== null && row.consumerTenantId !== token.tenantId) return new Set();
  const limit = ceiling({
    consumer: { tenantId: row.consumerTenantId, dynamicPermissions: row.dynamicPermissions },
    groupPermissions: row.consumerTenantId === null ? row.selfRegisteredGroupPermissions : row.groupPermissions,
    authorizationPermissions: row.authorizationPermissions,
  });
  if (token.userId === null) return intersect(limit, scopesToPermissions(token.scopes));
  return effectivePermissions(limit, row.rolePermissions, token.scopes);
}

export async function accessFromToken(raw: string): Promise<TokenCheck> {
  const verified = await verifyAccessToken(raw);
  if (!verified) return { ok: false, reason: "invalid" };
  const { context: token, caller: row } = verified;
  // RFC 8707 / MCP authorization: a token minted for another resource must never be accepted here.
  if (token.resource !== resourceIdentifier()) return { ok: false, reason: "audience" };
  if (token.userId && row.rolePermissions === null) return { ok: false, reason: "invalid" };
  return {
    ok: true,
    caller: {
      access: {
        tenantId: token.tenantId,
        userId: token.userId,
        consumerId: token.consumerId,
        permissions: callerPermissions(token, row),
      },
      scopes: token.scopes,
      tenant: { id: token.tenantId, slug: row.tenantSlug, name: row.tenantName },
      user: token.userId ? { id: token.userId, name: row.userName ?? "", email: row.userEmail ?? "" } : null,
      consumer: { id: token.consumerId, name: row.consumerName },
    },
  };
}
