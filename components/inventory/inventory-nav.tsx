import { useTranslations } from "next-intl";
import { TabNav } from "@/components/ui/tab-nav";

export type InventoryTab = "parts" | "stock" | "below" | "warehouses" | "movements";

/** The inventory sections, as tabs under the page title. */
export function InventoryNav({ slug, current }: { slug: string; current: InventoryTab }) {
  const t = useTranslations("inventory.nav");
  const base = `/${slug}/inventory`;
  const tabs: { key: InventoryTab; href: string }[] = [
    { key: "parts", href: base },
    { key: "stock", href: `${base}/stock` },
    { key: "below", href: `${base}/stock?below=1` },
    { key: "warehouses", href: `${base}/warehouses` },
    { key: "movements", href: `${base}/movements` },
  ];
  return <TabNav label={t("label")} current={current} tabs={tabs.map((tab) => ({ ...tab, text: t(tab.key) }))} />;
}
