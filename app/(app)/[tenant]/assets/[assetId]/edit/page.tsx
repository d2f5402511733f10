import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AssetForm } from "@/components/assets/asset-form";
import { MoveForm } from "@/components/assets/move-form";
import { TitleBar } from "@/components/assets/title-bar";
import { getAsset, listAssetCategories } from "@/lib/data/assets";
import { can, requireTenant } from "@/lib/tenancy";
import { moveAssetAction, updateAssetAction } from "../../actions";
import { assetChoices, locationChoices } from "../../choices";
import { orNotFound } from "../../params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("assetForm");
  return { title: t("editTitle") };
}

export default async function EditAssetPage({ params }: { params: Promise<{ tenant: string; assetId: string }> }) {
  const { tenant: slug, assetId } = await params;
  const { access } = await requireTenant(slug);
  if (!can(access, "assets", "edit")) notFound();
  const asset = await orNotFound(getAsset(access, assetId));
  const [categories, locations, parents, t, tNav] = await Promise.all([
    listAssetCategories(access),
    locationChoices(access),
    assetChoices(access, asset.id),
    getTranslations("assetForm"),
    getTranslations("nav"),
  ]);
  const href = `/${slug}/assets/${asset.id}`;
  return (
    <>
      <TitleBar
        title={t("editTitle")}
        crumbs={[
          { href: `/${slug}/assets`, label: tNav("assets") },
          { href, label: asset.name },
        ]}
      />
      <div className="flex flex-col gap-6">
        <AssetForm
          slug={slug}
          categories={categories}
          locations={locations}
          action={updateAssetAction}
          initial={{
            id: asset.id,
            code: asset.code,
            name: asset.name,
            category: asset.category ?? "",
            manufacturer: asset.manufacturer ?? "",
            model: asset.model ?? "",
            serial: asset.serial ?? "",
            criticality: asset.criticality,
            status: asset.status,
            inService: asset.inService?.toISOString().slice(0, 10) ?? "",
            locationId: asset.location?.id ?? "",
            parentId: asset.parent?.id ?? "",
          }}
        />
        <MoveForm
          slug={slug}
          id={asset.id}
          kind="asset"
          parents={parents}
          parentId={asset.parent?.id ?? ""}
          locations={locations}
          locationId={asset.location?.id ?? ""}
          doneHref={href}
          action={moveAssetAction}
        />
      </div>
    </>
  );
}
