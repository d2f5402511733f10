import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssetForm } from "@/components/assets/asset-form";
import { TitleBar } from "@/components/assets/title-bar";
import { listAssetCategories } from "@/lib/data/assets";
import { can, requireTenant } from "@/lib/tenancy";
import { createAssetAction } from "../actions";
import { assetChoices, locationChoices } from "../choices";
import { param, type SearchParams } from "../params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("assetForm");
  return { title: t("newTitle") };
}

export default async function NewAssetPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access } = await requireTenant(slug);
  if (!can(access, "assets", "create")) notFound();
  const [categories, locations, parents, t, tNav] = await Promise.all([
    listAssetCategories(access),
    locationChoices(access),
    assetChoices(access),
    getTranslations("assetForm"),
    getTranslations("nav"),
  ]);
  // Prefill from the page the user came from; ids of another tenant simply match no option.
  const parentId = parents.find((p) => p.id === param(sp, "parent"))?.id ?? "";
  const locationId = locations.find((l) => l.id === param(sp, "location"))?.id ?? "";
  return (
    <>
      <TitleBar title={t("newTitle")} crumbs={[{ href: `/${slug}/assets`, label: tNav("assets") }]} description={t("newDescription")} />
      <AssetForm
        slug={slug}
        categories={categories}
        locations={locations}
        parents={parents}
        action={createAssetAction}
        initial={{ code: "", name: "", category: "", manufacturer: "", model: "", serial: "", criticality: 3, status: "operational", inService: "", locationId, parentId }}
      />
    </>
  );
}
