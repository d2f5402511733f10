"use client";
// Period and location of the dashboard, kept in the URL (?period=…&location=…) so a view can be shared.
import { useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { PERIOD_PRESETS, type PeriodPreset } from "@/lib/validation/kpi";

export function DashboardFilters({
  period,
  custom,
  location,
  locations,
}: {
  period: PeriodPreset | "custom";
  /** a range from the URL (?from=…&to=…), kept while the location changes */
  custom?: { from: string; to: string };
  location?: string;
  locations: { id: string; name: string; depth: number }[];
}) {
  const t = useTranslations("dashboard.filters");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();

  function go(next: { period: string; location?: string }) {
    const range = next.period === "custom" && custom ? custom : { period: next.period };
    const q = new URLSearchParams({ ...range, ...(next.location ? { location: next.location } : {}) });
    startTransition(() => router.push(`${pathname}?${q}`));
  }

  return (
    <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end">
      <Select label={t("period")} value={period} onChange={(e) => go({ period: e.target.value, location })} className="sm:w-52" aria-busy={pending || undefined}>
        {custom && <option value="custom">{t("custom", { from: custom.from, to: custom.to })}</option>}
        {PERIOD_PRESETS.map((p) => (
          <option key={p} value={p}>
            {t(`presets.${p}`)}
          </option>
        ))}
      </Select>
      <Select label={t("location")} value={location ?? ""} onChange={(e) => go({ period, location: e.target.value || undefined })} className="sm:w-72" aria-busy={pending || undefined}>
        <option value="">{t("allLocations")}</option>
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {"\u00a0\u00a0".repeat(l.depth)}
            {l.name}
          </option>
        ))}
      </Select>
      <p role="status" className="flex h-10 items-center gap-2 text-sm text-zinc-600">
        {pending && (
          <>
            <Spinner />
            {t("updating")}
          </>
        )}
      </p>
    </div>
  );
}
