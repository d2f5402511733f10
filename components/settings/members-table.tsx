"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useSettingsAction } from "./use-settings-action";
import type { ServerAction } from "@/components/ui/use-server-action";

export type MemberRow = {
  id: string;
  active: boolean;
  self: boolean;
  user: { id: string; name: string; email: string; active: boolean };
  role: { id: string; label: string };
};

type Pending = { kind: "deactivate" | "remove"; member: MemberRow } | null;

export function MembersTable({
  slug,
  members,
  roles,
  rights,
  actions,
}: {
  slug: string;
  members: MemberRow[];
  roles: { id: string; label: string }[];
  rights: { edit: boolean; remove: boolean };
  actions: {
    changeRole: ServerAction<{ membershipId: string; roleId: string }>;
    setActive: ServerAction<{ membershipId: string; active: boolean }>;
    remove: ServerAction<{ membershipId: string }>;
  };
}) {
  const t = useTranslations("settings.users");
  const role = useSettingsAction();
  const status = useSettingsAction();
  const [confirming, setConfirming] = useState<Pending>(null);
  // Bumped when a role change is refused, so the uncontrolled select shows the stored role again.
  const [resetKey, setResetKey] = useState(0);

  return (
    <>
      <Table caption={t("tableCaption")} hideCaption>
        <THead>
          <tr>
            <TH>{t("name")}</TH>
            <TH>{t("role")}</TH>
            <TH>{t("status")}</TH>
            <TH className="text-right">{t("actions")}</TH>
          </tr>
        </THead>
        <TBody>
          {members.map((m) => {
            const locked = m.self || !rights.edit;
            return (
              <TR key={m.id}>
                <TD>
                  <span className="flex items-center gap-2 font-medium whitespace-nowrap">
                    {m.user.name} {m.self && <Badge tone="brand">{t("you")}</Badge>}
                  </span>
                  <span className="block text-xs text-zinc-500">{m.user.email}</span>
                </TD>
                <TD className="min-w-40">
                  {locked ? (
                    m.role.label
                  ) : (
                    <Select
                      key={`${m.role.id}-${resetKey}`}
                      label={t("roleFor", { name: m.user.name })}
                      hideLabel
                      size="sm"
                      defaultValue={m.role.id}
                      disabled={role.pending}
                      onChange={(e) => {
                        const roleId = e.target.value;
                        role.run(() => actions.changeRole(slug, { membershipId: m.id, roleId }), {
                          success: t("roleChanged", { name: m.user.name }),
                          onError: () => setResetKey((k) => k + 1),
                        });
                      }}
                    >
                      {roles.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.label}
                        </option>
                      ))}
                    </Select>
                  )}
                </TD>
                <TD>
                  {!m.user.active ? (
                    <Badge tone="warning">{t("accountDisabled")}</Badge>
                  ) : m.active ? (
                    <Badge tone="success">{t("active")}</Badge>
                  ) : (
                    <Badge>{t("inactive")}</Badge>
                  )}
                </TD>
                <TD className="text-right whitespace-nowrap">
                  {!m.self && rights.edit && (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={t(m.active ? "deactivateNamed" : "reactivateNamed", { name: m.user.name })}
                      onClick={() =>
                        m.active
                          ? setConfirming({ kind: "deactivate", member: m })
                          : status.run(() => actions.setActive(slug, { membershipId: m.id, active: true }), { success: t("reactivated", { name: m.user.name }) })
                      }
                    >
                      {t(m.active ? "deactivate" : "reactivate")}
                    </Button>
                  )}
                  {!m.self && rights.remove && (
                    <Button variant="ghost" size="sm" className="text-red-700" aria-label={t("removeNamed", { name: m.user.name })} onClick={() => setConfirming({ kind: "remove", member: m })}>
                      {t("remove")}
                    </Button>
                  )}
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
      <ConfirmDialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        pending={status.pending}
        title={confirming ? t(confirming.kind === "remove" ? "removeTitle" : "deactivateTitle", { name: confirming.member.user.name }) : ""}
        description={confirming?.kind === "remove" ? t("removeDescription") : t("deactivateDescription")}
        confirmLabel={confirming?.kind === "remove" ? t("remove") : t("deactivate")}
        onConfirm={() => {
          if (!confirming) return;
          const { kind, member } = confirming;
          const close = () => setConfirming(null);
          if (kind === "remove") status.run(() => actions.remove(slug, { membershipId: member.id }), { success: t("removed", { name: member.user.name }), onOk: close });
          else status.run(() => actions.setActive(slug, { membershipId: member.id, active: false }), { success: t("deactivated", { name: member.user.name }), onOk: close });
        }}
      />
    </>
  );
}
