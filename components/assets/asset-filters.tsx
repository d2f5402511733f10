import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ASSET_STATUSES } from "@/lib/validation/asset";

type Values = { query?: string; category?: string; status?: string; minCriticality?: number };

/** Search and filters as a plain GET form: the URL holds the state, so results can be shared and reloaded. */
export function AssetFilters({ categories, values, locationId, action }: { categories: string[]; values: Values; locationId?: string; action: string }) {
  const t = useTranslations("assetBrowser");
  const tStatus = useTranslations("assetShared.status");
  const any = Object.values(values).some((v) => v !== undefined);
  return (
    <form action={action} method="get" role="search" aria-label={t("searchLabel")} className="grid grid-cols-2 gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm xl:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))_auto]">
      {locationId && <input type="hidden" name="location" value={locationId} />}
      <Input label={t("search")} name="q" type="search" defaultValue={values.query} placeholder={t("searchPlaceholder")} className="col-span-2 xl:col-span-1" />
      <Select label={t("category")} name="category" defaultValue={values.category ?? ""} className="col-span-2 sm:col-span-1">
        <option value="">{t("any")}</option>
        {categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </Select>
      <Select label={t("status")} name="status" defaultValue={values.status ?? ""}>
        <option value="">{t("any")}</option>
        {ASSET_STATUSES.map((s) => (
          <option key={s} value={s}>
            {tStatus(s)}
          </option>
        ))}
      </Select>
      <Select label={t("minCriticality")} name="criticality" defaultValue={values.minCriticality ? String(values.minCriticality) : ""}>
        <option value="">{t("any")}</option>
        {[5, 4, 3, 2].map((n) => (
          <option key={n} value={n}>
            {t("atLeast", { value: n })}
          </option>
        ))}
      </Select>
      <div className="col-span-2 flex items-end gap-2 sm:col-span-1">
        <Button type="submit">{t("apply")}</Button>
        {any && (
          <Link href={locationId ? `${action}?location=${encodeURIComponent(locationId)}` : action} className={buttonClasses({ variant: "ghost" })}>
            {t("clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
