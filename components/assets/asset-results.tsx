import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AssetSummary } from "@/lib/data/assets";
import { AssetStatusBadge, Criticality } from "./status-badge";

/** One page of search results with links to the next page and back to the first. */
export function AssetResults({ slug, items, nextHref, firstHref }: { slug: string; items: AssetSummary[]; nextHref: string | null; firstHref: string | null }) {
  const t = useTranslations("assetBrowser");
  return (
    <div className="flex flex-col gap-3">
      <Table caption={t("results")} hideCaption>
        <THead>
          <tr>
            <TH>{t("colAsset")}</TH>
            <TH className="hidden md:table-cell">{t("category")}</TH>
            <TH className="hidden sm:table-cell">{t("colLocation")}</TH>
            <TH>{t("status")}</TH>
            <TH className="hidden sm:table-cell">{t("colCriticality")}</TH>
          </tr>
        </THead>
        <TBody>
          {items.map((a) => (
            <TR key={a.id}>
              <TD>
                <Link href={`/${slug}/assets/${a.id}`} className="font-medium text-brand-700 hover:underline">
                  {a.name}
                </Link>
                <div className="font-mono text-xs text-zinc-500">
                  {a.code}
                  {a.childCount > 0 && <span className="ml-2 font-sans">{t("childCount", { count: a.childCount })}</span>}
                </div>
              </TD>
              <TD className="hidden md:table-cell">{a.category ?? "—"}</TD>
              <TD className="hidden sm:table-cell">{a.location?.name ?? "—"}</TD>
              <TD>
                <AssetStatusBadge status={a.status} />
              </TD>
              <TD className="hidden sm:table-cell">
                <Criticality value={a.criticality} />
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {(nextHref || firstHref) && (
        <nav aria-label={t("pagination")} className="flex justify-between gap-2">
          {firstHref ? (
            <Link href={firstHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              {t("firstPage")}
            </Link>
          ) : (
            <span />
          )}
          {nextHref && (
            <Link href={nextHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              {t("nextPage")}
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
