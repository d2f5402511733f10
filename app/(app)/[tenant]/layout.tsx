import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { LanguagePicker } from "@/components/shell/language-picker";
import { Logo } from "@/components/shell/logo";
import { NAV_ITEMS } from "@/components/shell/nav-items";
import { TenantSwitcher } from "@/components/shell/tenant-switcher";
import { UserMenu } from "@/components/shell/user-menu";
import { can, listUserTenants, requireTenant } from "@/lib/tenancy";

export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, user, access } = await requireTenant(slug);
  const [tenants, t, tNav] = await Promise.all([listUserTenants(user.id), getTranslations("app"), getTranslations("nav")]);

  const nav = NAV_ITEMS.filter((item) => item.module === null || can(access, item.module, "view")).map((item) => ({
    href: `/${tenant.slug}${item.path}`,
    label: tNav(item.key),
    exact: item.path === "",
  }));

  return (
    <AppShell
      nav={nav}
      brand={
        <>
          <Link href={`/${tenant.slug}`} className="flex shrink-0 items-center gap-2 rounded-md font-semibold text-zinc-900">
            <Logo className="size-7" />
            {t("name")}
          </Link>
          <span className="text-zinc-300" aria-hidden="true">
            /
          </span>
          <span className="truncate text-sm font-medium text-zinc-700">{tenant.name}</span>
        </>
      }
      controls={
        <>
          {/* One tenant has nothing to switch to; its name already shows beside the product name. */}
          {tenants.length > 1 && <TenantSwitcher current={tenant.slug} tenants={tenants} />}
          <LanguagePicker className="md:w-44" />
          <UserMenu name={user.name} />
        </>
      }
    >
      {children}
    </AppShell>
  );
}
