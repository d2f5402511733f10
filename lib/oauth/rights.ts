// Which rights an OAuth grant can carry (ARCHITECTURE.md §3):
//   effective = ceiling(consumer in tenant) ∩ role(user in tenant) ∩ scopes(token)
// The ceiling is the consumer's permission group; with dynamic permissions, the set the user picked at
// consent; for self-registered (DCR / CIMD) clients, the tenant's "AI connectors" group. Pure functions:
// lib/data loads the rows.
import { intersect, scopesToPermissions, toPermissions, type Permissions } from "@/lib/tenancy/permissions";

export interface CeilingSource {
  consumer: { tenantId: string | null; dynamicPermissions: boolean };
  /** the consumer's group (tenant consumers) or the tenant's self-registered group (DCR / CIMD) */
  groupPermissions: unknown;
  /** Authorization.permissions, for consumers with dynamic permissions */
  authorizationPermissions?: unknown;
}

export function ceiling(src: CeilingSource): Permissions {
  if (src.consumer.tenantId && src.consumer.dynamicPermissions) return toPermissions(src.authorizationPermissions);
  return toPermissions(src.groupPermissions);
}

export function effectivePermissions(ceilingSet: Permissions, role: unknown, scopes: readonly string[]): Permissions {
  return intersect(intersect(ceilingSet, toPermissions(role)), scopesToPermissions(scopes));
}

/** What a user ticked at consent for a consumer with dynamic permissions, as a stored matrix. */
export function permissionsForScopes(scopes: readonly string[]): Record<string, string[]> {
  const matrix: Record<string, string[]> = {};
  for (const p of scopesToPermissions(scopes)) {
    const [mod, action] = p.split(":");
    (matrix[mod] ??= []).push(action);
  }
  return matrix;
}
