import { getTranslations } from "next-intl/server";
import { SectionTabs } from "@/components/settings/settings-nav";

/** OAuth consumers | App authorizations */
export async function ApiTabs({ slug }: { slug: string }) {
  const t = await getTranslations("settings.api");
  const base = `/${slug}/settings/api`;
  return (
    <SectionTabs
      label={t("tabsLabel")}
      items={[
        { href: base, label: t("consumersTab"), exact: true },
        { href: `${base}/authorizations`, label: t("authorizationsTab") },
      ]}
    />
  );
}
