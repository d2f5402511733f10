import type { Metadata } from "next";
import { cache } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssetFacts, ChildrenCard, CostCard } from "@/components/assets/asset-facts";
import { DowntimeCard } from "@/components/assets/downtime-card";
import { MetersCard } from "@/components/assets/meters-card";
import { AssetStatusBadge, Criticality } from "@/components/assets/status-badge";
import { TitleBar } from "@/components/assets/title-bar";
import { WorkOrdersCard } from "@/components/assets/work-orders-card";
import { buttonClasses } from "@/components/ui/button";
import { getAsset } from "@/lib/data/assets";
import { listAssetWorkOrders } from "@/lib/data/assets-history";
import { listAssetDowntime } from "@/lib/data/downtime";
import { can, requireTenant } from "@/lib/tenancy";
import { recordReadingAction } from "../actions";
import { orNotFound, param, type SearchParams } from "../params";

type Props = { params: Promise<{ tenant: string; assetId: string }>; searchParams: SearchParams };

/** One load per request, shared by the metadata and the page (React cache). */
const loadAsset = cache(async (slug: string, assetId: string) => {
  const { access } = await requireTenant(slug);
  if (!can(access, "assets", "view")) notFound();
  return orNotFound(getAsset(access, assetId, { readings: 30, workOrders: 20 }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, assetId } = await params;
  const asset = await loadAsset(tenant, assetId).catch(() => null);
  return { title: asset ? `${asset.code} ${asset.name}` : undefined };
}

export default async function AssetPage({ params, searchParams }: Props) {
  const { tenant: slug, assetId } = await params;
  const sp = await searchParams;
  const { access, tenant } = await requireTenant(slug);
  const asset = await loadAsset(slug, assetId);
  const seeWorkOrders = asset.workOrders !== null;
  const [past, downtime, t, tNav] = await Promise.all([
    seeWorkOrders ? orNotFound(listAssetWorkOrders(access, { assetId: asset.id, state: "closed", limit: 10, cursor: param(sp, "wo") })) : null,
    orNotFound(listAssetDowntime(access, { assetId: asset.id, limit: 10, cursor: param(sp, "dt") })),
    getTranslations("assetDetail"),
    getTranslations("nav"),
  ]);

  const base = `/${slug}/assets`;
  const canEdit = can(access, "assets", "edit");
  const crumbs = [
    { href: base, label: tNav("assets") },
    ...asset.locationPath.map((l) => ({ href: `${base}?location=${encodeURIComponent(l.id)}`, label: l.name })),
    ...asset.path.map((a) => ({ href: `${base}/${a.id}`, label: a.name })),
  ];
  const withParam = (key: string, value?: string | null) => {
    const q = new URLSearchParams();
    for (const k of ["wo", "dt"]) {
      const v = k === key ? value : param(sp, k);
      if (v) q.set(k, v);
    }
    const s = q.toString();
    return `${base}/${asset.id}${s ? `?${s}` : ""}`;
  };

  return (
    <>
      <TitleBar
        title={asset.name}
        crumbs={crumbs}
        badges={
          <>
            <span className="font-mono text-sm text-zinc-600">{asset.code}</span>
            <AssetStatusBadge status={asset.status} />
            <Criticality value={asset.criticality} />
            {asset.downtime.summary.ongoing && <span className="text-sm font-medium text-red-700">{t("downNow")}</span>}
          </>
        }
        actions={
          <>
            {can(access, "requests", "create") && (
              <Link href={`/${slug}/requests/new?asset=${encodeURIComponent(asset.id)}`} className={buttonClasses({ variant: "secondary" })}>
                {t("reportProblem")}
              </Link>
            )}
            {can(access, "assets", "create") && (
              <Link href={`${base}/new?parent=${encodeURIComponent(asset.id)}`} className={buttonClasses({ variant: "secondary" })}>
                {t("addChild")}
              </Link>
            )}
            {canEdit && (
              <Link href={`${base}/${asset.id}/edit`} className={buttonClasses()}>
                {t("edit")}
              </Link>
            )}
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex min-w-0 flex-col gap-6">
          <MetersCard slug={slug} meters={asset.meters} canRecord={canEdit} timeZone={tenant.timezone} action={recordReadingAction} />
          {asset.workOrders && past && (
            <WorkOrdersCard
              slug={slug}
              open={asset.workOrders.open}
              past={past.items}
              pastNextHref={past.nextCursor ? withParam("wo", past.nextCursor) : null}
              pastFirstHref={param(sp, "wo") ? withParam("wo", null) : null}
              timeZone={tenant.timezone}
            />
          )}
          <DowntimeCard
            summary={asset.downtime.summary}
            periods={downtime.items}
            nextHref={downtime.nextCursor ? withParam("dt", downtime.nextCursor) : null}
            firstHref={param(sp, "dt") ? withParam("dt", null) : null}
            timeZone={tenant.timezone}
          />
        </div>
        {/* On a phone the facts come first; on a wide screen they sit beside the history. */}
        <div className="order-first flex min-w-0 flex-col gap-6 xl:order-none">
          <AssetFacts slug={slug} asset={asset} timeZone={tenant.timezone} />
          {asset.cost && <CostCard cost={asset.cost} />}
          <ChildrenCard slug={slug} items={asset.children} />
        </div>
      </div>
    </>
  );
}
