import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocationForm } from "@/components/assets/location-form";
import { MoveForm } from "@/components/assets/move-form";
import { TitleBar } from "@/components/assets/title-bar";
import { getLocation } from "@/lib/data/locations";
import { can, requireTenant } from "@/lib/tenancy";
import { moveLocationAction, updateLocationAction } from "../../../actions";
import { locationChoices } from "../../../choices";
import { orNotFound } from "../../../params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("assetForm");
  return { title: t("editLocationTitle") };
}

export default async function EditLocationPage({ params }: { params: Promise<{ tenant: string; locationId: string }> }) {
  const { tenant: slug, locationId } = await params;
  const { access } = await requireTenant(slug);
  if (!can(access, "assets", "edit")) notFound();
  const location = await orNotFound(getLocation(access, locationId));
  const [parents, t, tNav] = await Promise.all([locationChoices(access, location.id), getTranslations("assetForm"), getTranslations("nav")]);
  const href = `/${slug}/assets?location=${encodeURIComponent(location.id)}`;
  return (
    <>
      <TitleBar
        title={t("editLocationTitle")}
        crumbs={[
          { href: `/${slug}/assets`, label: tNav("assets") },
          { href, label: location.name },
        ]}
      />
      <div className="flex flex-col gap-6">
        <LocationForm slug={slug} action={updateLocationAction} initial={{ id: location.id, code: location.code, name: location.name, parentId: location.parentId ?? "" }} />
        <MoveForm slug={slug} id={location.id} kind="location" parents={parents} parentId={location.parentId ?? ""} doneHref={href} action={moveLocationAction} />
      </div>
    </>
  );
}
