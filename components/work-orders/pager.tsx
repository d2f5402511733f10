import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { toQuery, type ListParams } from "./list-params";

/** Previous / next links that keep every filter in the URL; a missing direction shows as disabled text. */
export async function Pager({ base, params, prevCursor, nextCursor }: { base: string; params: ListParams; prevCursor: string | null; nextCursor: string | null }) {
  if (!prevCursor && !nextCursor) return null;
  const t = await getTranslations("woList");
  const link = (page: { cursor?: string; before?: string }) => {
    const qs = toQuery(params, page);
    return qs ? `${base}?${qs}` : base;
  };
  const disabled = cx(buttonClasses({ variant: "secondary", size: "sm" }), "pointer-events-none opacity-50");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-2">
      {prevCursor ? (
        <Link href={link({ before: prevCursor })} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="prev">
          ← {t("previous")}
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          ← {t("previous")}
        </span>
      )}
      {(params.cursor || params.before) && (
        <Link href={link({})} className="text-sm font-medium text-brand-800 underline underline-offset-2">
          {t("first")}
        </Link>
      )}
      {nextCursor ? (
        <Link href={link({ cursor: nextCursor })} className={buttonClasses({ variant: "secondary", size: "sm" })} rel="next">
          {t("next")} →
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {t("next")} →
        </span>
      )}
    </nav>
  );
}
