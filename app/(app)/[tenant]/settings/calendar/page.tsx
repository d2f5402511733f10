import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CalendarForm } from "@/components/settings/calendar-form";
import { Holidays } from "@/components/settings/holidays";
import { SectionHeader } from "@/components/settings/section-header";
import { getCalendar, weeklyCapacityHours } from "@/lib/data/calendar";
import { can } from "@/lib/tenancy";
import { createHoliday, removeHoliday, saveCalendar } from "../actions";
import { requireSettingsPage } from "../guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.calendar") };
}

export default async function CalendarSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [calendar, t, format, locale] = await Promise.all([getCalendar(access), getTranslations("settings.calendar"), getFormatter(), getLocale()]);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  // 2024-01-01 was a Monday: ISO weekday n is that date + n - 1.
  const dayNames = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, name: weekday.format(new Date(Date.UTC(2024, 0, day))) }));
  const canEdit = can(access, "settings", "edit");

  return (
    <>
      <SectionHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <CalendarForm
          slug={tenant.slug}
          initial={calendar}
          dayNames={dayNames}
          capacity={format.number(weeklyCapacityHours(calendar), { maximumFractionDigits: 1 })}
          canEdit={canEdit}
          action={saveCalendar}
        />
        <Holidays slug={tenant.slug} holidays={calendar.holidays} canEdit={canEdit} addAction={createHoliday} removeAction={removeHoliday} />
      </div>
    </>
  );
}
