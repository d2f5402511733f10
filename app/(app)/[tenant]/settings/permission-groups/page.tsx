import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/settings/section-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listPermissionGroups } from "@/lib/data/permission-groups";
import { can } from "@/lib/tenancy";
import { SCOPE_MODULES } from "@/lib/tenancy/permissions";
import { requireSettingsPage } from "../guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.groups") };
}

export default async function PermissionGroupsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [groups, t, tMatrix] = await Promise.all([listPermissionGroups(access), getTranslations("settings.groups"), getTranslations("settings.matrix")]);
  const base = `/${tenant.slug}/settings/permission-groups`;
  const newButton = can(access, "settings", "create") && (
    <Link href={`${base}/new`} className={buttonClasses()}>
      {t("new")}
    </Link>
  );

  return (
    <>
      <SectionHeader title={t("title")} description={t("description")} action={newButton} />
      {groups.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table caption={t("title")} hideCaption>
          <THead>
            <tr>
              <TH>{t("name")}</TH>
              <TH>{t("rights")}</TH>
              <TH className="text-right">{t("consumers")}</TH>
            </tr>
          </THead>
          <TBody>
            {groups.map((g) => (
              <TR key={g.id}>
                <TD className="font-medium">
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`${base}/${g.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                      {g.name}
                    </Link>
                    {g.selfRegistered && <Badge tone="info">{t("selfRegisteredBadge")}</Badge>}
                  </span>
                </TD>
                <TD className="text-zinc-600">
                  {SCOPE_MODULES.filter((m) => g.permissions[m]?.length)
                    .map((m) =>
                      tMatrix("summary", {
                        module: tMatrix(`modules.${m}`),
                        actions: (g.permissions[m] ?? []).map((a) => tMatrix(`actions.${a}`)).join(", "),
                      }),
                    )
                    .join(" · ") || "—"}
                </TD>
                <TD className="text-right tabular-nums">{g.consumers}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
