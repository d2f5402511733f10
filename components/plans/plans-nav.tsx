import { useTranslations } from "next-intl";
import { TabNav } from "@/components/ui/tab-nav";

/** Plans ⇄ calendar ⇄ overdue, as tabs under the page title. */
export function PlansNav({ slug, current }: { slug: string; current: "list" | "calendar" | "overdue" }) {
  const t = useTranslations("plans.nav");
  const tabs = [
    { key: "list", href: `/${slug}/plans` },
    { key: "calendar", href: `/${slug}/plans/calendar` },
    { key: "overdue", href: `/${slug}/plans/overdue` },
  ] as const;
  return <TabNav label={t("label")} current={current} tabs={tabs.map((tab) => ({ ...tab, text: t(tab.key) }))} />;
}
