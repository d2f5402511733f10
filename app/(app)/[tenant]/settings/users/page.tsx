import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AddMemberDialog } from "@/components/settings/add-member-dialog";
import { MembersTable } from "@/components/settings/members-table";
import { SectionHeader } from "@/components/settings/section-header";
import { listMembers } from "@/lib/data/members";
import { listRoles } from "@/lib/data/roles";
import { getTenantProfile } from "@/lib/data/settings";
import { can } from "@/lib/tenancy";
import { requireSettingsPage } from "../guard";
import { roleLabel } from "../roles/role-label";
import { addUser, changeRole, removeUser, setActive } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.users") };
}

export default async function UsersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [members, roles, profile, t, label] = await Promise.all([
    listMembers(access),
    listRoles(access),
    getTenantProfile(access),
    getTranslations("settings.users"),
    roleLabel(),
  ]);
  const roleOptions = roles.map((r) => ({ id: r.id, label: label(r) }));
  const defaultRole = roles.find((r) => r.builtIn === "technician") ?? roles[0];

  return (
    <>
      <SectionHeader
        title={t("title")}
        description={t("description")}
        action={
          can(access, "settings", "create") &&
          defaultRole && (
            <AddMemberDialog
              slug={tenant.slug}
              roles={roleOptions}
              defaultRoleId={defaultRole.id}
              minPasswordLength={profile.settings.passwordMinLength}
              action={addUser}
            />
          )
        }
      />
      <MembersTable
        slug={tenant.slug}
        members={members.map((m) => ({ id: m.id, active: m.active, self: m.self, user: m.user, role: { id: m.role.id, label: label(m.role) } }))}
        roles={roleOptions}
        rights={{ edit: can(access, "settings", "edit"), remove: can(access, "settings", "delete") }}
        actions={{ changeRole, setActive, remove: removeUser }}
      />
      <p className="mt-4 max-w-2xl text-sm text-zinc-500">{t("accountsNote")}</p>
    </>
  );
}
