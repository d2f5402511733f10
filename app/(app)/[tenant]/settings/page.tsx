import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { GeneralForm } from "@/components/settings/general-form";
import { SectionHeader } from "@/components/settings/section-header";
import { LOCALES } from "@/i18n/locales";
import { getTenantProfile } from "@/lib/data/settings";
import { can } from "@/lib/tenancy";
import { currencies, timeZones } from "@/lib/validation/settings";
import { saveGeneral } from "./actions";
import { requireSettingsPage } from "./guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.general") };
}

export default async function GeneralSettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { access } = await requireSettingsPage(slug);
  const [profile, t, tLanguages, locale] = await Promise.all([
    getTenantProfile(access),
    getTranslations("settings.general"),
    getTranslations("languages"),
    getLocale(),
  ]);
  const currencyNames = new Intl.DisplayNames([locale], { type: "currency" });
  // A value stored before (an alias, a retired code) stays selectable rather than silently changing on save.
  const zones = timeZones();
  if (!zones.includes(profile.timezone)) zones.unshift(profile.timezone);
  const codes = currencies();
  if (!codes.includes(profile.currency)) codes.unshift(profile.currency);

  return (
    <>
      <SectionHeader title={t("title")} description={t("description")} />
      <GeneralForm
        slug={profile.slug}
        canEdit={can(access, "settings", "edit")}
        initial={{
          name: profile.name,
          slug: profile.slug,
          timezone: profile.timezone,
          locale: profile.locale,
          currency: profile.currency,
          workOrderPrefix: profile.settings.workOrderPrefix,
        }}
        timeZones={zones}
        currencies={codes.map((code) => ({ code, name: currencyNames.of(code) ?? code }))}
        locales={LOCALES.map((code) => ({ code, name: tLanguages(code) }))}
        action={saveGeneral}
      />
    </>
  );
}
