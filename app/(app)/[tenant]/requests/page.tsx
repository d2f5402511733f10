import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { RequestList } from "@/components/requests/request-list";
import { Button, buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { countRequestsByStatus, listRequests } from "@/lib/data/requests";
import { can, requireTenant } from "@/lib/tenancy";
import { REQUEST_STATUSES } from "@/lib/validation/request";
import { oneOf, orNotFound, param, type SearchParams } from "../assets/params";
import { approveRequestAction, rejectRequestAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("requests") };
}

const TABS = ["open", "approved", "rejected", "cancelled", "all"] as const;

export default async function RequestsPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "requests", "view")) notFound();
  const canTriage = can(access, "requests", "edit") && can(access, "workorders", "create");
  // The maintenance team starts on what waits for triage; requesters on everything they filed.
  const tab = oneOf(param(sp, "status"), TABS) ?? (canTriage ? "open" : "all");
  const query = param(sp, "q");
  const cursor = param(sp, "cursor");
  const [page, counts, t, tNav] = await Promise.all([
    orNotFound(listRequests(access, { status: oneOf(tab, REQUEST_STATUSES), query, cursor, limit: 20 })),
    countRequestsByStatus(access),
    getTranslations("requestList"),
    getTranslations("nav"),
  ]);
  const base = `/${slug}/requests`;
  const href = (status: string, c?: string) => {
    const q = new URLSearchParams({ status });
    if (query) q.set("q", query);
    if (c) q.set("cursor", c);
    return `${base}?${q}`;
  };
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  return (
    <>
      <TitleBar
        title={page.ownOnly ? t("myRequests") : tNav("requests")}
        description={page.ownOnly ? t("myDescription") : t("description")}
        actions={
          can(access, "requests", "create") && (
            <Link href={`${base}/new`} className={buttonClasses()}>
              {t("newRequest")}
            </Link>
          )
        }
      />
      <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <nav aria-label={t("statusFilter")} className="-mx-1 overflow-x-auto">
          <ul className="flex gap-1 px-1">
            {TABS.map((s) => (
              <li key={s}>
                <Link
                  href={href(s)}
                  aria-current={tab === s ? "page" : undefined}
                  className={cx(
                    "flex items-center gap-1.5 rounded-md px-3 py-1.5 text-sm whitespace-nowrap",
                    tab === s ? "bg-brand-600 font-medium text-white" : "text-zinc-700 hover:bg-zinc-100",
                  )}
                >
                  {t(`tab.${s}`)}
                  <span className={cx("rounded-full px-1.5 text-xs", tab === s ? "bg-white/20" : "bg-zinc-100 text-zinc-600")}>{s === "all" ? total : counts[s]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form action={base} method="get" role="search" className="flex items-end gap-2">
          <input type="hidden" name="status" value={tab} />
          <Input label={t("search")} hideLabel name="q" type="search" defaultValue={query} placeholder={t("searchPlaceholder")} className="w-full sm:w-64" />
          <Button type="submit" variant="secondary">
            {t("searchButton")}
          </Button>
        </form>
      </div>
      {page.items.length === 0 ? (
        <EmptyState
          icon={<InboxIcon className="size-6" />}
          title={query ? t("noMatches") : t(`empty.${tab}`)}
          description={can(access, "requests", "create") ? t("emptyHint") : undefined}
        />
      ) : (
        <>
          <RequestList
            slug={slug}
            items={page.items}
            timeZone={tenant.timezone}
            showRequester={!page.ownOnly}
            triage={canTriage ? { approve: approveRequestAction, reject: rejectRequestAction } : null}
            workOrderLinks={can(access, "workorders", "view")}
          />
          {(page.nextCursor || cursor) && (
            <nav aria-label={t("pagination")} className="mt-4 flex justify-between">
              {cursor ? (
                <Link href={href(tab)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  {t("firstPage")}
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor && (
                <Link href={href(tab, page.nextCursor)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  {t("nextPage")}
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </>
  );
}
