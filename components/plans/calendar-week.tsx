import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import type { CalendarDay } from "@/lib/data/plans-occurrences";
import { OccurrenceStatus } from "./occurrence-status";

/** One week of the PM calendar: seven columns on a desktop, a list of days on a phone. */
export function CalendarWeek({ slug, days, today, timeZone, canSeeWorkOrders }: { slug: string; days: CalendarDay[]; today: string; timeZone: string; canSeeWorkOrders: boolean }) {
  const t = useTranslations("plans.calendar");
  const format = useFormatter();
  const label = (date: string, style: "long" | "short") =>
    format.dateTime(new Date(`${date}T12:00:00Z`), { weekday: style, day: "numeric", month: "short", timeZone: "UTC" });
  return (
    <section aria-label={t("weekOf", { date: label(days[0].date, "long") })}>
      <h2 className="mb-2 text-sm font-semibold text-zinc-900">{t("weekOf", { date: label(days[0].date, "long") })}</h2>
      {days.every((d) => d.occurrences.length === 0) && <p className="mb-2 text-sm text-zinc-500 lg:hidden">{t("emptyWeek")}</p>}
      <ol className="grid gap-2 lg:grid-cols-7">
        {days.map((day) => (
          <li
            key={day.date}
            className={cx(
              "min-h-24 rounded-lg border p-2 text-sm",
              day.working ? "border-zinc-200 bg-white" : "border-dashed border-zinc-300 bg-zinc-100",
              day.date === today && "ring-2 ring-brand-600",
              // A phone lists only the days with something on them (and today); a desktop shows the whole week.
              day.occurrences.length === 0 && !day.holiday && day.date !== today && "hidden lg:block",
            )}
          >
            <div className="flex flex-wrap items-center justify-between gap-1">
              <span className={cx("font-medium", day.working ? "text-zinc-900" : "text-zinc-600")}>
                <time dateTime={day.date}>{label(day.date, "short")}</time>
                {day.date === today && <span className="ml-1 text-xs text-brand-700">({t("todayMark")})</span>}
              </span>
              {day.holiday ? (
                <span className="text-xs text-zinc-600">{day.holiday}</span>
              ) : (
                !day.working && <span className="text-xs text-zinc-600">{t("nonWorking")}</span>
              )}
            </div>
            {day.occurrences.length > 0 && (
              <ul className="mt-2 flex flex-col gap-1.5">
                {day.occurrences.map((o) => (
                  <li key={o.id} className="rounded-md bg-brand-50 px-2 py-1.5">
                    <Link href={`/${slug}/plans/${o.plan.id}`} className="font-medium text-brand-800 hover:underline">
                      {o.plan.code}
                    </Link>{" "}
                    <span className="text-zinc-700">{o.plan.name}</span>
                    <div className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-600">
                      <span>{format.dateTime(o.dueAt, { timeStyle: "short", timeZone })}</span>
                      {/* A work order's code says it was raised; the status badge covers the rest. */}
                      {!o.workOrder ? (
                        <OccurrenceStatus status={o.status} />
                      ) : canSeeWorkOrders ? (
                        <Link href={`/${slug}/work-orders/${o.workOrder.code}`} className="text-brand-700 hover:underline">
                          {o.workOrder.code}
                        </Link>
                      ) : (
                        <span>{o.workOrder.code}</span>
                      )}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
