// Options for the asset and location pickers, labelled for humans. A node being moved cannot go under
// itself or its descendants, so those are left out of its parent choices.
import type { Choice } from "@/components/assets/asset-form";
import { listAssetChoices } from "@/lib/data/assets";
import { buildLocationTree, flattenLocationTree, listLocations } from "@/lib/data/locations";
import type { Access } from "@/lib/tenancy";

function subtree(rows: { id: string; parentId: string | null }[], rootId: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parentId) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r.id]);
  const out = new Set<string>();
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

export async function locationChoices(access: Access, excludeSubtreeOf?: string): Promise<Choice[]> {
  const flat = flattenLocationTree(buildLocationTree(await listLocations(access)));
  const excluded = excludeSubtreeOf ? subtree(flat, excludeSubtreeOf) : new Set<string>();
  return flat.filter((l) => !excluded.has(l.id)).map((l) => ({ id: l.id, label: l.path }));
}

export async function assetChoices(access: Access, excludeSubtreeOf?: string): Promise<Choice[]> {
  const rows = await listAssetChoices(access);
  const excluded = excludeSubtreeOf ? subtree(rows, excludeSubtreeOf) : new Set<string>();
  return rows.filter((a) => !excluded.has(a.id)).map((a) => ({ id: a.id, label: `${a.code} — ${a.name}` }));
}
