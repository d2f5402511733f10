import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocationForm } from "@/components/assets/location-form";
import { TitleBar } from "@/components/assets/title-bar";
import { can, requireTenant } from "@/lib/tenancy";
import { createLocationAction } from "../../actions";
import { locationChoices } from "../../choices";
import { param, type SearchParams } from "../../params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("assetForm");
  return { title: t("newLocationTitle") };
}

export default async function NewLocationPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access } = await requireTenant(slug);
  if (!can(access, "assets", "create")) notFound();
  const [parents, t, tNav] = await Promise.all([locationChoices(access), getTranslations("assetForm"), getTranslations("nav")]);
  const parentId = parents.find((p) => p.id === param(sp, "parent"))?.id ?? "";
  return (
    <>
      <TitleBar title={t("newLocationTitle")} crumbs={[{ href: `/${slug}/assets`, label: tNav("assets") }]} description={t("newLocationDescription")} />
      <LocationForm slug={slug} parents={parents} action={createLocationAction} initial={{ code: "", name: "", parentId }} />
    </>
  );
}
