import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/settings/section-header";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listConsumers } from "@/lib/data/consumers";
import { can } from "@/lib/tenancy";
import { requireSettingsPage } from "../guard";
import { ConnectHelp } from "./connect-help";
import { ApiTabs } from "./tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.api") };
}

const SHOWN_GRANTS = ["authorization_code", "client_credentials"] as const;

export default async function ConsumersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [consumers, t, tApi, format] = await Promise.all([
    listConsumers(access),
    getTranslations("settings.consumers"),
    getTranslations("settings.api"),
    getFormatter(),
  ]);
  const base = `/${tenant.slug}/settings/api`;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeZone: tenant.timezone }) : t("never"));
  const newButton = can(access, "settings", "create") && (
    <Link href={`${base}/consumers/new`} className={buttonClasses()}>
      {t("new")}
    </Link>
  );

  return (
    <>
      <SectionHeader title={tApi("title")} description={tApi("description")} />
      <ApiTabs slug={tenant.slug} />
      <div className="flex flex-col gap-8">
        <section aria-labelledby="consumers-heading" className="flex flex-col gap-4">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <h3 id="consumers-heading" className="text-base font-semibold text-zinc-900">
              {t("title")}
            </h3>
            {newButton}
          </div>
          {consumers.length === 0 ? (
            <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
          ) : (
            <Table caption={t("title")} hideCaption>
              <THead>
                <tr>
                  <TH>{t("name")}</TH>
                  <TH>{t("key")}</TH>
                  <TH>{t("createdAt")}</TH>
                  <TH>{t("grantTypes")}</TH>
                  <TH>{t("lastUsed")}</TH>
                  <TH>{t("status")}</TH>
                </tr>
              </THead>
              <TBody>
                {consumers.map((c) => (
                  <TR key={c.id}>
                    <TD className="font-medium">
                      <Link href={`${base}/consumers/${c.id}`} className="text-brand-800 underline-offset-2 hover:underline">
                        {c.name}
                      </Link>
                    </TD>
                    <TD className="max-w-48 truncate font-mono text-xs text-zinc-600" title={c.clientId}>
                      {c.clientId}
                    </TD>
                    <TD className="whitespace-nowrap">{when(c.createdAt)}</TD>
                    <TD>
                      <span className="flex flex-wrap gap-1">
                        {SHOWN_GRANTS.filter((g) => c.grantTypes.includes(g)).map((g) => (
                          <Badge key={g}>{t(`grants.${g}`)}</Badge>
                        ))}
                      </span>
                    </TD>
                    <TD className="whitespace-nowrap">{when(c.lastUsedAt)}</TD>
                    <TD>{c.disabled ? <Badge tone="warning">{t("statusDisabled")}</Badge> : <Badge tone="success">{t("statusEnabled")}</Badge>}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>
        <ConnectHelp />
      </div>
    </>
  );
}
