import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

/**
 * One KPI: its name, figure and a line of context. The formula shows on hover of the card and on focus
 * of its info button (a real button, so keyboard and touch users reach it too), tied by aria-describedby.
 */
export function KpiCard({ id, label, value, caption, formula, smrp }: { id: string; label: string; value: ReactNode; caption?: ReactNode; formula: string; smrp: string }) {
  const t = useTranslations("dashboard");
  const tipId = `kpi-formula-${id}`;
  return (
    <section className="group relative flex flex-col rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" aria-labelledby={`kpi-${id}`} data-kpi={id}>
      <div className="flex items-start justify-between gap-2">
        <h2 id={`kpi-${id}`} className="text-sm font-medium text-zinc-600">
          {label}
        </h2>
        <button
          type="button"
          aria-describedby={tipId}
          className="-m-1 rounded-full p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 focus-visible:text-zinc-700"
        >
          <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
            <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v2.25a.75.75 0 0 0 1.5 0V9.75A.75.75 0 0 0 10 9H9Z" clipRule="evenodd" />
          </svg>
          <span className="sr-only">{t("howCalculated", { kpi: label })}</span>
        </button>
      </div>
      <p className="mt-2 text-2xl font-semibold text-zinc-900 tabular-nums" data-kpi-value>
        {value}
      </p>
      {caption && <p className="mt-1 text-xs text-zinc-500">{caption}</p>}
      <div
        role="tooltip"
        id={tipId}
        className="pointer-events-none invisible absolute inset-x-2 top-full z-20 mt-1 rounded-md bg-zinc-900 p-3 text-xs leading-relaxed text-white opacity-0 shadow-lg transition-opacity group-focus-within:visible group-focus-within:opacity-100 group-hover:visible group-hover:opacity-100"
      >
        <p>{formula}</p>
        <p className="mt-1 text-zinc-300">{t("smrp", { name: smrp })}</p>
      </div>
    </section>
  );
}
