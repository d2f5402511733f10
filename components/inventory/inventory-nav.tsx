import Link from "next/link";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";

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
