import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MatrixForm } from "@/components/settings/matrix-form";
import { SectionHeader } from "@/components/settings/section-header";
import { getRoleDetail } from "@/lib/data/roles";
import { can } from "@/lib/tenancy";
import { MODULES } from "@/lib/tenancy/permissions";
import { removeRole, saveRole } from "../actions";
import { orNotFound, requireSettingsPage } from "../../guard";
import { roleLabel } from "../role-label";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.roles") };
}

export default async function RolePage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant: slug, id } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [role, t, label] = await Promise.all([orNotFound(getRoleDetail(access, id)), getTranslations("settings.roles"), roleLabel()]);
  const readOnly = Boolean(role.builtIn) || !can(access, "settings", "edit");
  return (
    <>
      <SectionHeader title={label(role)} description={role.builtIn ? t("builtInDescription") : t("editDescription")} />
      <MatrixForm
        slug={tenant.slug}
        kind="role"
        id={role.id}
        modules={MODULES}
        initial={{ name: label(role), permissions: role.permissions }}
        readOnly={readOnly}
        listHref={`/${tenant.slug}/settings/roles`}
        saveAction={readOnly ? undefined : saveRole}
        deleteAction={readOnly || !can(access, "settings", "delete") ? undefined : removeRole}
      />
    </>
  );
}
