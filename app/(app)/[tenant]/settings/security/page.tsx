import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/settings/section-header";
import { SecurityForm } from "@/components/settings/security-form";
import { permissionGroupOptions } from "@/lib/data/permission-groups";
import { getTenantProfile } from "@/lib/data/settings";
import { can } from "@/lib/tenancy";
import { MAX_SESSION_HOURS, PASSWORD_MIN_LENGTH } from "@/lib/validation/settings";
import { saveSecurity } from "../actions";
import { requireSettingsPage } from "../guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.security") };
}

export default async function SecuritySettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [profile, groups, t] = await Promise.all([getTenantProfile(access), permissionGroupOptions(access), getTranslations("settings.security")]);
  const s = profile.settings;
  return (
    <>
      <SectionHeader title={t("title")} description={t("description")} />
      <SecurityForm
        slug={tenant.slug}
        canEdit={can(access, "settings", "edit")}
        initial={{
          passwordMinLength: s.passwordMinLength,
          sessionHours: s.sessionHours,
          allowSelfRegisteredClients: s.allowSelfRegisteredClients,
          selfRegisteredGroupId: s.selfRegisteredGroupId,
        }}
        groups={groups}
        limits={{ passwordMin: PASSWORD_MIN_LENGTH.min, passwordMax: PASSWORD_MIN_LENGTH.max, sessionMax: MAX_SESSION_HOURS }}
        action={saveSecurity}
      />
    </>
  );
}
