import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { CalendarWeek } from "@/components/plans/calendar-week";
import { PlansNav } from "@/components/plans/plans-nav";
import { buttonClasses } from "@/components/ui/button";
import { addLocalDays, dayStart, localDate, zonedParts } from "@/lib/data/plans-calendar";
import { getPmCalendar } from "@/lib/data/plans-occurrences";
import { can, requireTenant } from "@/lib/tenancy";
import { intParam, param, type SearchParams } from "@/app/(app)/[tenant]/assets/params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans.calendar");
  return { title: t("title") };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export default async function PlanCalendarPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "plans", "view")) notFound();
  const tz = tenant.timezone;
  const weeks = intParam(sp, "weeks", 1, 12) ?? 4;
  const now = (await getNow()).getTime();
  const requested = param(sp, "start");
  const anchor = requested && DATE.test(requested) && !Number.isNaN(Date.parse(requested)) ? dayStart(requested, tz) : now;
  // Weeks start on Monday in the tenant's time zone.
  const monday = addLocalDays(dayStart(localDate(anchor, tz), tz), 1 - zonedParts(anchor, tz).weekday, tz);
  const [cal, t, format] = await Promise.all([getPmCalendar(access, { from: new Date(monday), days: weeks * 7 }), getTranslations("plans.calendar"), getFormatter()]);
  const link = (startMs: number) => `/${slug}/plans/calendar?${new URLSearchParams({ start: localDate(startMs, tz), weeks: String(weeks) })}`;
  const today = localDate(now, tz);
  const chunks = Array.from({ length: weeks }, (_, i) => cal.days.slice(i * 7, i * 7 + 7));
  const total = cal.days.reduce((n, d) => n + d.occurrences.length, 0);

  return (
    <>
      <TitleBar title={t("title")} description={t("description", { timeZone: tz })} />
      <PlansNav slug={slug} current="calendar" />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <Link href={link(addLocalDays(monday, -7 * weeks, tz))} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          {t("previous")}
        </Link>
        <Link href={link(now)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          {t("today")}
        </Link>
        <Link href={link(addLocalDays(monday, 7 * weeks, tz))} className={buttonClasses({ variant: "secondary", size: "sm" })}>
          {t("next")}
        </Link>
        <p className="text-sm text-zinc-600" aria-live="polite">
          {t("range", {
            from: format.dateTime(new Date(monday), { dateStyle: "medium", timeZone: tz }),
            to: format.dateTime(new Date(addLocalDays(monday, weeks * 7 - 1, tz)), { dateStyle: "medium", timeZone: tz }),
            count: total,
          })}
        </p>
      </div>
      <div className="flex flex-col gap-6">
        {chunks.map((days) => (
          <CalendarWeek key={days[0].date} slug={slug} days={days} today={today} timeZone={tz} canSeeWorkOrders={can(access, "workorders", "view")} />
        ))}
      </div>
    </>
  );
}
