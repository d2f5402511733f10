import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MatrixForm } from "@/components/settings/matrix-form";
import { SectionHeader } from "@/components/settings/section-header";
import { getPermissionGroup } from "@/lib/data/permission-groups";
import { can } from "@/lib/tenancy";
import { SCOPE_MODULES } from "@/lib/tenancy/permissions";
import { removeGroup, saveGroup } from "../actions";
import { orNotFound, requireSettingsPage } from "../../guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.groups") };
}

export default async function PermissionGroupPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant: slug, id } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [group, t] = await Promise.all([orNotFound(getPermissionGroup(access, id)), getTranslations("settings.groups")]);
  const readOnly = !can(access, "settings", "edit");
  return (
    <>
      <SectionHeader title={group.name} description={t("editDescription")} />
      <MatrixForm
        slug={tenant.slug}
        kind="group"
        id={group.id}
        modules={SCOPE_MODULES}
        initial={{ name: group.name, permissions: group.permissions }}
        readOnly={readOnly}
        listHref={`/${tenant.slug}/settings/permission-groups`}
        saveAction={readOnly ? undefined : saveGroup}
        deleteAction={readOnly || !can(access, "settings", "delete") ? undefined : removeGroup}
      />
    </>
  );
}
