import type { ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import type { LocationTreeNode } from "@/lib/data/locations";

/**
 * The location tree as nested lists of links (the selected one marked aria-current). Every level is shown:
 * a tenant has tens to hundreds of locations, and plain links keep keyboard and screen-reader use simple.
 */
export function LocationTree({ roots, selectedId, hrefFor }: { roots: LocationTreeNode[]; selectedId: string | null; hrefFor: (id: string | null) => string }) {
  const t = useTranslations("assetBrowser");
  return (
    <ul className="flex flex-col gap-0.5 text-sm">
      <li>
        <TreeLink href={hrefFor(null)} current={selectedId === null}>
          {t("allLocations")}
        </TreeLink>
      </li>
      {roots.map((node) => (
        <Node key={node.id} node={node} selectedId={selectedId} hrefFor={hrefFor} />
      ))}
    </ul>
  );
}

function Node({ node, selectedId, hrefFor }: { node: LocationTreeNode; selectedId: string | null; hrefFor: (id: string) => string }) {
  const t = useTranslations("assetBrowser");
  return (
    <li>
      <TreeLink href={hrefFor(node.id)} current={node.id === selectedId}>
        <span className="min-w-0 flex-1 truncate">{node.name}</span>
        {node.assetCount > 0 && (
          <>
            <span className="shrink-0 text-xs text-zinc-500" aria-hidden="true">
              {node.assetCount}
            </span>
            <span className="sr-only">{`(${t("assetCount", { count: node.assetCount })})`}</span>
          </>
        )}
      </TreeLink>
      {node.children.length > 0 && (
        <ul className="ml-3 flex flex-col gap-0.5 border-l border-zinc-200 pl-2">
          {node.children.map((child) => (
            <Node key={child.id} node={child} selectedId={selectedId} hrefFor={hrefFor} />
          ))}
        </ul>
      )}
    </li>
  );
}

function TreeLink({ href, current, children }: { href: string; current: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={cx(
        "flex items-center gap-2 rounded-md px-2 py-1.5",
        current ? "bg-brand-50 font-medium text-brand-800" : "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
      )}
    >
      {children}
    </Link>
  );
}
