import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { SettingsNav } from "@/components/settings/settings-nav";
import { requireSettingsPage } from "./guard";

const SECTIONS = [
  { key: "general", path: "", exact: true },
  { key: "users", path: "/users" },
  { key: "roles", path: "/roles" },
  { key: "groups", path: "/permission-groups" },
  { key: "calendar", path: "/calendar" },
  { key: "security", path: "/security" },
  { key: "api", path: "/api" },
  { key: "log", path: "/log" },
  { key: "account", path: "/account" },
] as const;

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant } = await requireSettingsPage(slug);
  const t = await getTranslations("settings");
  const base = `/${tenant.slug}/settings`;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6 xl:flex-row xl:gap-8">
        <SettingsNav
          label={t("navLabel")}
          items={SECTIONS.map((s) => ({ href: `${base}${s.path}`, label: t(`nav.${s.key}`), exact: "exact" in s }))}
        />
        <div className="min-w-0 flex-1">{children}</div>
      </div>
    </>
  );
}
