"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useSettingsAction } from "./use-settings-action";
import type { ServerAction } from "@/components/ui/use-server-action";

/** Revokes one app authorization (and with it its refresh tokens and live access tokens), after asking. */
export function RevokeButton({ slug, id, consumer, user, action }: { slug: string; id: string; consumer: string; user?: string; action: ServerAction<{ id: string }> }) {
  const t = useTranslations("settings.authorizations");
  const { run, pending } = useSettingsAction();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={t("revokeNamed", { consumer })}>
        {t("revoke")}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        pending={pending}
        title={t("revokeTitle", { consumer })}
        description={user ? t("revokeDescriptionUser", { consumer, user }) : t("revokeDescriptionOwn", { consumer })}
        confirmLabel={t("revoke")}
        onConfirm={() => run(() => action(slug, { id }), { success: t("revoked", { consumer }), onOk: () => setOpen(false) })}
      />
    </>
  );
}
