import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { RequestForm } from "@/components/requests/request-form";
import { can, requireTenant } from "@/lib/tenancy";
import { assetChoices, locationChoices } from "../../assets/choices";
import { param, type SearchParams } from "../../assets/params";
import { createRequestAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requestForm");
  return { title: t("title") };
}

export default async function NewRequestPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access } = await requireTenant(slug);
  if (!can(access, "requests", "create")) notFound();
  // Pickers need the assets module; without it the request is described in words only.
  const seesAssets = can(access, "assets", "view");
  const [assets, locations, t, tNav] = await Promise.all([
    seesAssets ? assetChoices(access) : [],
    seesAssets ? locationChoices(access) : [],
    getTranslations("requestForm"),
    getTranslations("nav"),
  ]);
  const initialAssetId = assets.find((a) => a.id === param(sp, "asset"))?.id ?? "";
  return (
    <>
      <TitleBar title={t("title")} description={t("intro")} crumbs={[{ href: `/${slug}/requests`, label: tNav("requests") }]} />
      <div className="max-w-3xl">
        <RequestForm slug={slug} assets={assets} locations={locations} initialAssetId={initialAssetId} action={createRequestAction} />
      </div>
    </>
  );
}
