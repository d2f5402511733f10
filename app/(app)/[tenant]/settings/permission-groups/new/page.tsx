import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MatrixForm } from "@/components/settings/matrix-form";
import { SectionHeader } from "@/components/settings/section-header";
import { can } from "@/lib/tenancy";
import { SCOPE_MODULES } from "@/lib/tenancy/permissions";
import { addGroup } from "../actions";
import { requireSettingsPage } from "../../guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.groups");
  return { title: t("new") };
}

export default async function NewPermissionGroupPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  if (!can(access, "settings", "create")) notFound();
  const t = await getTranslations("settings.groups");
  return (
    <>
      <SectionHeader title={t("new")} description={t("newDescription")} />
      <MatrixForm
        slug={tenant.slug}
        kind="group"
        modules={SCOPE_MODULES}
        initial={{ name: "", permissions: {} }}
        readOnly={false}
        listHref={`/${tenant.slug}/settings/permission-groups`}
        saveAction={addGroup}
      />
    </>
  );
}
