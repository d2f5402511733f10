import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssetResults } from "@/components/assets/asset-results";
import { AssetTree } from "@/components/assets/asset-tree";
import { AssetFilters } from "@/components/assets/asset-filters";
import { LocationTree } from "@/components/assets/location-tree";
import { TitleBar } from "@/components/assets/title-bar";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { assetTreeAt, listAssetCategories, searchAssets } from "@/lib/data/assets";
import { buildLocationTree, flattenLocationTree, listLocations } from "@/lib/data/locations";
import { can, requireTenant } from "@/lib/tenancy";
import { ASSET_STATUSES } from "@/lib/validation/asset";
import { intParam, oneOf, orNotFound, param, type SearchParams } from "./params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("assets") };
}

export default async function AssetsPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access } = await requireTenant(slug);
  if (!can(access, "assets", "view")) notFound();

  const locationId = param(sp, "location");
  const filters = {
    query: param(sp, "q"),
    category: param(sp, "category"),
    status: oneOf(param(sp, "status"), ASSET_STATUSES),
    minCriticality: intParam(sp, "criticality", 1, 5),
  };
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const [locations, categories, tNav, t] = await Promise.all([
    listLocations(access),
    listAssetCategories(access),
    getTranslations("nav"),
    getTranslations("assetBrowser"),
  ]);
  const tree = buildLocationTree(locations);
  const selected = locationId ? flattenLocationTree(tree).find((l) => l.id === locationId) : undefined;
  // Another tenant's location id is simply not in this tenant's tree.
  if (locationId && !selected) notFound();

  const base = `/${slug}/assets`;
  const hrefFor = (id: string | null) => (id ? `${base}?location=${encodeURIComponent(id)}` : base);
  const canCreate = can(access, "assets", "create");
  const canEdit = can(access, "assets", "edit");
  const showTree = selected && !filtered;

  return (
    <>
      <TitleBar
        title={tNav("assets")}
        description={t("description")}
        actions={
          canCreate && (
            <>
              <Link href={`${base}/locations/new${selected ? `?parent=${encodeURIComponent(selected.id)}` : ""}`} className={buttonClasses({ variant: "secondary" })}>
                {t("newLocation")}
              </Link>
              <Link href={`${base}/new${selected ? `?location=${encodeURIComponent(selected.id)}` : ""}`} className={buttonClasses()}>
                {t("newAsset")}
              </Link>
            </>
          )
        }
      />
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside>
          {/* On a phone the tree folds away above the results; on a desktop it is a sidebar. */}
          <details className="group rounded-lg border border-zinc-200 bg-white p-3 shadow-sm lg:hidden" open={!selected}>
            <summary className="cursor-pointer rounded px-1 text-sm font-medium text-zinc-800">
              {selected ? t("locationSelected", { name: selected.name }) : t("browseLocations")}
            </summary>
            <nav aria-label={t("locations")} className="mt-3">
              <LocationTree roots={tree} selectedId={selected?.id ?? null} hrefFor={hrefFor} />
            </nav>
          </details>
          <nav aria-label={t("locations")} className="hidden rounded-lg border border-zinc-200 bg-white p-3 shadow-sm lg:block">
            <h2 className="mb-2 px-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{t("locations")}</h2>
            {tree.length ? <LocationTree roots={tree} selectedId={selected?.id ?? null} hrefFor={hrefFor} /> : <p className="px-2 text-sm text-zinc-500">{t("noLocations")}</p>}
          </nav>
        </aside>
        <div className="flex min-w-0 flex-col gap-6">
          <AssetFilters categories={categories} values={filters} locationId={selected?.id} action={base} />
          {showTree ? (
            <LocationView slug={slug} location={selected} hrefFor={hrefFor} canEdit={canEdit} />
          ) : (
            <Results slug={slug} cursor={param(sp, "cursor")} filters={{ ...filters, locationId: selected?.id }} />
          )}
        </div>
      </div>
    </>
  );
}

async function LocationView({
  slug,
  location,
  hrefFor,
  canEdit,
}: {
  slug: string;
  location: NonNullable<ReturnType<typeof flattenLocationTree>[number]>;
  hrefFor: (id: string) => string;
  canEdit: boolean;
}) {
  const { access } = await requireTenant(slug);
  const [t, { roots, truncated }] = await Promise.all([getTranslations("assetBrowser"), orNotFound(assetTreeAt(access, location.id))]);
  return (
    <Card>
      <CardHeader
        title={location.name}
        description={`${location.code} · ${location.path}`}
        action={
          canEdit && (
            <Link href={`/${slug}/assets/locations/${location.id}/edit`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              {t("editLocation")}
            </Link>
          )
        }
      />
      <CardBody className="flex flex-col gap-5">
        {location.children.length > 0 && (
          <section aria-labelledby="sub-locations">
            <h3 id="sub-locations" className="mb-2 text-sm font-semibold text-zinc-900">
              {t("subLocations")}
            </h3>
            <ul className="grid gap-2 sm:grid-cols-2">
              {location.children.map((c) => (
                <li key={c.id}>
                  <Link href={hrefFor(c.id)} className="flex items-center justify-between gap-3 rounded-md border border-zinc-200 px-3 py-2 text-sm hover:border-brand-600 hover:bg-brand-50">
                    <span className="min-w-0 truncate font-medium text-zinc-900">{c.name}</span>
                    <span className="shrink-0 text-xs text-zinc-500">{t("assetCount", { count: c.assetCount })}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="assets-here">
          <h3 id="assets-here" className="mb-2 text-sm font-semibold text-zinc-900">
            {t("assetsHere")}
          </h3>
          {roots.length ? (
            <AssetTree roots={roots} hrefFor={(id) => `/${slug}/assets/${id}`} label={t("assetsHere")} />
          ) : (
            <p className="text-sm text-zinc-500">{t("noAssetsHere")}</p>
          )}
          {truncated && <p className="mt-3 text-sm text-zinc-500">{t("treeTruncated")}</p>}
        </section>
      </CardBody>
    </Card>
  );
}

async function Results({ slug, cursor, filters }: { slug: string; cursor?: string; filters: Parameters<typeof searchAssets>[1] }) {
  const { access } = await requireTenant(slug);
  const [page, t] = await Promise.all([orNotFound(searchAssets(access, { ...filters, cursor, limit: 25 })), getTranslations("assetBrowser")]);
  if (page.items.length === 0) {
    return <EmptyState icon={<InboxIcon className="size-6" />} title={t("noResults")} description={t("noResultsHint")} />;
  }
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries({ q: filters?.query, category: filters?.category, status: filters?.status, criticality: filters?.minCriticality, location: filters?.locationId })) {
    if (v !== undefined && v !== null) query.set(k, String(v));
  }
  const href = (c?: string) => {
    const q = new URLSearchParams(query);
    if (c) q.set("cursor", c);
    const s = q.toString();
    return `/${slug}/assets${s ? `?${s}` : ""}`;
  };
  return <AssetResults slug={slug} items={page.items} nextHref={page.nextCursor ? href(page.nextCursor) : null} firstHref={cursor ? href() : null} />;
}
