import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { FilterForm } from "@/components/work-orders/filter-form";
import { activeFilters, parseListParams, toListInput, type SearchParams } from "@/components/work-orders/list-params";
import { Pager } from "@/components/work-orders/pager";
import { WorkOrderList } from "@/components/work-orders/work-order-list";
import { listWorkOrderOptions, listWorkOrders, type WorkOrderPage } from "@/lib/data/work-orders";
import { AppError } from "@/lib/errors";
import { can, requireTenant } from "@/lib/tenancy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("woCommon");
  return { title: t("title") };
}

export default async function WorkOrdersPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<SearchParams> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireTenant(slug);
  if (!can(access, "workorders", "view")) notFound();
  const list = parseListParams(await searchParams);
  const input = toListInput(list);
  const base = `/${tenant.slug}/work-orders`;

  const [t, tc, options, page] = await Promise.all([
    getTranslations("woList"),
    getTranslations("woCommon"),
    listWorkOrderOptions(access),
    // A filter or cursor naming something that doesn't exist here (a stale bookmark, an edited URL) shows an
    // empty result instead of an error page.
    listWorkOrders(access, input, { withTotal: true }).catch((e: unknown): WorkOrderPage => {
      if (e instanceof AppError && (e.code === "not_found" || e.code === "invalid")) return { items: [], nextCursor: null, prevCursor: null, total: 0 };
      throw e;
    }),
  ]);
  const filtered = activeFilters(list) > 0 || Boolean(list.q);

  return (
    <>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <PageHeader title={tc("title")} description={t("description")} />
        {can(access, "workorders", "create") && (
          <Link href={`${base}/new`} className={`${buttonClasses()} mb-4 sm:mb-0`}>
            {t("new")}
          </Link>
        )}
      </div>
      <FilterForm
        action={base}
        params={list}
        people={options.people.map((p) => ({ id: p.id, label: p.name }))}
        locations={options.locations.map((l) => ({ id: l.id, label: `${l.code} · ${l.name}` }))}
        assets={options.assets.map((a) => ({ id: a.id, label: `${a.code} · ${a.name}` }))}
      />
      <p className="mb-3 text-sm text-zinc-600" aria-live="polite">
        {t("count", { count: page.total ?? 0 })}
      </p>
      {page.items.length ? (
        <>
          <WorkOrderList items={page.items} base={base} timeZone={tenant.timezone} />
          <Pager base={base} params={list} prevCursor={page.prevCursor} nextCursor={page.nextCursor} />
        </>
      ) : filtered ? (
        <EmptyState
          icon={<InboxIcon className="size-6" />}
          title={t("emptyTitle")}
          description={t("emptyDescription")}
          action={
            <Link href={base} className={buttonClasses({ variant: "secondary" })}>
              {t("clear")}
            </Link>
          }
        />
      ) : (
        <EmptyState icon={<InboxIcon className="size-6" />} title={t("emptyAllTitle")} description={t("emptyAllDescription")} />
      )}
    </>
  );
}
