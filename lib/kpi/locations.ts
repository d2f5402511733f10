import "server-only";
// The locations a dashboard can be scoped to, as an indented tree (site → building → area).
import { withTenant } from "@/lib/db/tenant";
import { forbidden } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";

export interface ScopeLocation {
  id: string;
  name: string;
  depth: number;
}

export async function listScopeLocations(access: Access): Promise<ScopeLocation[]> {
  if (!can(access, "metrics", "view")) throw forbidden();
  const rows = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.location.findMany({ where: { tenantId: access.tenantId }, select: { id: true, name: true, parentId: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 2000 }),
  );
  const children = new Map<string | null, typeof rows>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const out: ScopeLocation[] = [];
  const walk = (parentId: string | null, depth: number) => {
    for (const r of children.get(parentId) ?? []) {
      out.push({ id: r.id, name: r.name, depth });
      if (depth < 20) walk(r.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
