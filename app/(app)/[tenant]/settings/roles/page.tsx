import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/settings/section-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listRoles } from "@/lib/data/roles";
import { can } from "@/lib/tenancy";
import { MODULES } from "@/lib/tenancy/permissions";
import { requireSettingsPage } from "../guard";
import { roleLabel } from "./role-label";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.roles") };
}

export default async function RolesPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [roles, t, tMatrix, label] = await Promise.all([
    listRoles(access),
    getTranslations("settings.roles"),
    getTranslations("settings.matrix"),
    roleLabel(),
  ]);
  const base = `/${tenant.slug}/settings/roles`;

  return (
    <>
      <SectionHeader
        title={t("title")}
        description={t("description")}
        action={
          can(access, "settings", "create") && (
            <Link href={`${base}/new`} className={buttonClasses()}>
              {t("new")}
            </Link>
          )
        }
      />
      <Table caption={t("title")} hideCaption>
        <THead>
          <tr>
            <TH>{t("name")}</TH>
            <TH>{t("type")}</TH>
            <TH>{t("modules")}</TH>
            <TH className="text-right">{t("members")}</TH>
          </tr>
        </THead>
        <TBody>
          {roles.map((r) => (
            <TR key={r.id}>
              <TD className="font-medium">
                <Link href={`${base}/${r.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                  {label(r)}
                </Link>
              </TD>
              <TD>{r.builtIn ? <Badge>{t("builtIn")}</Badge> : <Badge tone="brand">{t("custom")}</Badge>}</TD>
              <TD className="text-zinc-600">
                {MODULES.filter((m) => r.permissions[m]?.length)
                  .map((m) => tMatrix(`modules.${m}`))
                  .join(", ") || "—"}
              </TD>
              <TD className="text-right tabular-nums">{r.members}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </>
  );
}
