import Link from "next/link";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";

/** Plans ⇄ calendar ⇄ overdue, as tabs under the page title. */
export function PlansNav({ slug, current }: { slug: string; current: "list" | "calendar" | "overdue" }) {
  const t = useTranslations("plans.nav");
  const tabs = [
    { key: "list", href: `/${slug}/plans` },
    { key: "calendar", href: `/${slug}/plans/calendar` },
    { key: "overdue", href: `/${slug}/plans/overdue` },
  ] as const;
  return (
    <nav aria-label={t("label")} className="-mx-1 mb-4 overflow-x-auto">
      <ul className="flex gap-1 px-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={current === tab.key ? "page" : undefined}
              className={cx(
                "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap",
                current === tab.key ? "bg-brand-600 font-medium text-white" : "text-zinc-700 hover:bg-zinc-100",
              )}
            >
              {t(tab.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
