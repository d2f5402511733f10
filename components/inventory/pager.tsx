import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";

/** First / next page links for keyset lists: `href(cursor?)` keeps the page's other filters. */
export function Pager({ cursor, nextCursor, href }: { cursor?: string; nextCursor: string | null; href: (cursor?: string) => string }) {
  const t = useTranslations("pmShared");
  if (!cursor && !nextCursor) return null;
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex gap-2">
      {cursor && (
        <Link href={href()} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          {t("firstPage")}
        </Link>
      )}
      {nextCursor && (
        <Link href={href(nextCursor)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          {t("nextPage")}
        </Link>
      )}
    </nav>
  );
}
