import type { ReactNode } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";

export type Crumb = { href: string; label: string };

/** A page's one <h1> with its breadcrumbs above and its actions beside (under it on a phone). */
export function TitleBar({ title, description, crumbs, actions, badges }: { title: string; description?: ReactNode; crumbs?: Crumb[]; actions?: ReactNode; badges?: ReactNode }) {
  const t = useTranslations("assetShared");
  return (
    <div className="mb-6">
      {crumbs && crumbs.length > 0 && (
        <nav aria-label={t("breadcrumb")} className="mb-2">
          <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-sm text-zinc-500">
            {crumbs.map((c, i) => (
              <li key={c.href} className="flex items-center gap-1.5">
                {i > 0 && <span aria-hidden="true">/</span>}
                <Link href={c.href} className="hover:text-zinc-900 hover:underline">
                  {c.label}
                </Link>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight break-words text-zinc-900">{title}</h1>
          {badges && <div className="mt-2 flex flex-wrap items-center gap-2">{badges}</div>}
          {description && <div className="mt-1 text-sm text-zinc-600">{description}</div>}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
      </div>
    </div>
  );
}
