import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { OccurrenceStatus } from "@/components/plans/occurrence-status";
import { PlansNav } from "@/components/plans/plans-nav";
import { Pager } from "@/components/inventory/pager";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listPmOccurrences } from "@/lib/data/plans-occurrences";
import { can, requireTenant } from "@/lib/tenancy";
import { orNotFound, param, type SearchParams } from "@/app/(app)/[tenant]/assets/params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans.overdue");
  return { title: t("title") };
}

export default async function OverduePmPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "plans", "view")) notFound();
  const cursor = param(sp, "cursor");
  const now = await getNow();
  const [page, t, format] = await Promise.all([
    orNotFound(listPmOccurrences(access, { when: "overdue", cursor, limit: 50 }, now)),
    getTranslations("plans.overdue"),
    getFormatter(),
  ]);
  const base = `/${slug}/plans/overdue`;

  return (
    <>
      <TitleBar title={t("title")} description={t("description")} />
      <PlansNav slug={slug} current="overdue" />
      {page.items.length === 0 ? (
        <EmptyState icon={<InboxIcon className="size-6" />} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table caption={t("title")} hideCaption>
          <THead>
            <tr>
              <TH>{t("due")}</TH>
              <TH>{t("plan")}</TH>
              <TH>{t("asset")}</TH>
              <TH>{t("late")}</TH>
              <TH>{t("workOrder")}</TH>
            </tr>
          </THead>
          <TBody>
            {page.items.map((o) => (
              <TR key={o.id}>
                <TD className="whitespace-nowrap">{format.dateTime(o.dueAt, { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timezone })}</TD>
                <TD className="min-w-48">
                  <Link href={`/${slug}/plans/${o.plan.id}`} className="font-medium text-brand-700 hover:underline">
                    {o.plan.code}
                  </Link>{" "}
                  {o.plan.name}
                </TD>
                <TD className="whitespace-nowrap">{o.plan.asset?.code ?? "—"}</TD>
                <TD className="whitespace-nowrap">{format.relativeTime(o.dueAt, now)}</TD>
                <TD className="whitespace-nowrap">
                  {o.workOrder ? (
                    can(access, "workorders", "view") ? (
                      <Link href={`/${slug}/work-orders/${o.workOrder.code}`} className="text-brand-700 hover:underline">
                        {o.workOrder.code}
                      </Link>
                    ) : (
                      o.workOrder.code
                    )
                  ) : (
                    <OccurrenceStatus status={o.status} />
                  )}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager cursor={cursor} nextCursor={page.nextCursor} href={(c) => (c ? `${base}?cursor=${encodeURIComponent(c)}` : base)} />
    </>
  );
}
