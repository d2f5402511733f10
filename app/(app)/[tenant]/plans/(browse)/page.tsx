import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { PlansNav } from "@/components/plans/plans-nav";
import { TriggerSummary } from "@/components/plans/trigger-summary";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Pager } from "@/components/inventory/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listPlans } from "@/lib/data/plans";
import { can, requireTenant } from "@/lib/tenancy";
import { orNotFound, param, type SearchParams } from "@/app/(app)/[tenant]/assets/params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("plans") };
}

export default async function PlansPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "plans", "view")) notFound();
  const q = param(sp, "q");
  const cursor = param(sp, "cursor");
  const [page, t, tNav, format] = await Promise.all([
    orNotFound(listPlans(access, { q, cursor, limit: 25 })),
    getTranslations("plans"),
    getTranslations("nav"),
    getFormatter(),
  ]);
  const base = `/${slug}/plans`;
  const now = Date.now();
  const withQuery = (extra: Record<string, string>) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), ...extra })}`;

  return (
    <>
      <TitleBar
        title={tNav("plans")}
        description={t("description")}
        actions={
          can(access, "plans", "create") && (
            <Link href={`${base}/new`} className={buttonClasses()}>
              {t("newPlan")}
            </Link>
          )
        }
      />
      <PlansNav slug={slug} current="list" />
      <form method="get" action={base} role="search" className="mb-4 flex max-w-xl items-end gap-2">
        <Input label={t("search")} name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="flex-1" />
        <Button type="submit" variant="secondary">
          {t("searchButton")}
        </Button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState icon={<InboxIcon className="size-6" />} title={q ? t("noMatch") : t("emptyTitle")} description={q ? undefined : t("emptyDescription")} />
      ) : (
        <Table caption={t("listCaption")} hideCaption>
          <THead>
            <tr>
              <TH>{t("columns.code")}</TH>
              <TH>{t("columns.name")}</TH>
              <TH>{t("columns.asset")}</TH>
              <TH>{t("columns.trigger")}</TH>
              <TH>{t("columns.nextDue")}</TH>
              <TH>{t("columns.status")}</TH>
            </tr>
          </THead>
          <TBody>
            {page.items.map((p) => (
              <TR key={p.id}>
                <TD className="font-medium whitespace-nowrap">
                  <Link href={`${base}/${p.id}`} className="text-brand-700 hover:underline">
                    {p.code}
                  </Link>
                </TD>
                <TD className="min-w-48">{p.name}</TD>
                <TD className="whitespace-nowrap">{p.asset ? p.asset.code : "—"}</TD>
                <TD className="min-w-40">
                  {p.triggers.map((tr) => (
                    <div key={tr.id}>
                      <TriggerSummary trigger={tr} timeZone={tenant.timezone} />
                    </div>
                  ))}
                </TD>
                <TD className="whitespace-nowrap">
                  {p.nextDueAt ? format.dateTime(p.nextDueAt, { dateStyle: "medium", timeZone: tenant.timezone }) : "—"}
                  {p.active && p.nextDueAt && p.nextDueAt.getTime() < now ? (
                    <Badge tone="danger" className="ml-2">
                      {t("occurrence.overdue")}
                    </Badge>
                  ) : null}
                </TD>
                <TD>{p.active ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager cursor={cursor} nextCursor={page.nextCursor} href={(c) => withQuery(c ? { cursor: c } : {})} />
    </>
  );
}
