import Link from "next/link";
import type { AssetTreeNode } from "@/lib/data/assets";
import { AssetStatusBadge, Criticality } from "./status-badge";

/** Assets nested by parent, each a link to its page, with status and criticality. */
export function AssetTree({ roots, hrefFor, label }: { roots: AssetTreeNode[]; hrefFor: (id: string) => string; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-col gap-1">
      {roots.map((node) => (
        <AssetNode key={node.id} node={node} hrefFor={hrefFor} />
      ))}
    </ul>
  );
}

function AssetNode({ node, hrefFor }: { node: AssetTreeNode; hrefFor: (id: string) => string }) {
  return (
    <li>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md px-2 py-1.5 hover:bg-zinc-50">
        <Link href={hrefFor(node.id)} className="min-w-0 font-medium text-brand-700 hover:underline">
          {node.name}
        </Link>
        <span className="font-mono text-xs text-zinc-500">{node.code}</span>
        <span className="ml-auto flex items-center gap-3">
          <Criticality value={node.criticality} />
          <AssetStatusBadge status={node.status} />
        </span>
      </div>
      {node.children.length > 0 && (
        <ul className="ml-3 flex flex-col gap-1 border-l border-zinc-200 pl-3">
          {node.children.map((child) => (
            <AssetNode key={child.id} node={child} hrefFor={hrefFor} />
          ))}
        </ul>
      )}
    </li>
  );
}
