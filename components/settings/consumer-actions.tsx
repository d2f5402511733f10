"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { SecretReveal } from "./secret-reveal";
import { useSettingsAction } from "./use-settings-action";
import type { ServerAction } from "@/components/ui/use-server-action";

type Confirm = "rotate" | "delete" | "disable" | null;

/** Rotate secret, disable/enable and delete a consumer, each destructive step behind a confirmation. */
export function ConsumerActions({
  slug,
  consumer,
  listHref,
  rights,
  actions,
}: {
  slug: string;
  consumer: { id: string; name: string; disabled: boolean; confidential: boolean };
  listHref: string;
  rights: { edit: boolean; remove: boolean };
  actions: {
    rotate: ServerAction<{ id: string }, { clientSecret: string }>;
    setEnabled: ServerAction<{ id: string; enabled: boolean }>;
    remove: ServerAction<{ id: string }>;
  };
}) {
  const t = useTranslations("settings.consumers");
  const router = useRouter();
  const { run, pending } = useSettingsAction();
  const [confirming, setConfirming] = useState<Confirm>(null);
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const close = () => setConfirming(null);
  const id = consumer.id;

  const confirm = {
    rotate: {
      title: t("rotateTitle", { name: consumer.name }),
      description: t("rotateDescription"),
      label: t("rotate"),
      go: () =>
        run(() => actions.rotate(slug, { id }), {
          onOk: (d) => {
            close();
            setNewSecret(d.clientSecret);
          },
        }),
    },
    disable: {
      title: t("disableTitle", { name: consumer.name }),
      description: t("disableDescription"),
      label: t("disable"),
      go: () => run(() => actions.setEnabled(slug, { id, enabled: false }), { success: t("disabled"), onOk: close }),
    },
    delete: {
      title: t("deleteTitle", { name: consumer.name }),
      description: t("deleteDescription"),
      label: t("delete"),
      go: () =>
        run(() => actions.remove(slug, { id }), {
          success: t("deleted"),
          refresh: false,
          onOk: () => {
            close();
            router.push(listHref);
            router.refresh();
          },
        }),
    },
  };
  const current = confirming ? confirm[confirming] : null;

  return (
    <div className="flex flex-wrap gap-2">
      {rights.edit && consumer.confidential && (
        <Button variant="secondary" onClick={() => setConfirming("rotate")}>
          {t("rotate")}
        </Button>
      )}
      {rights.edit &&
        (consumer.disabled ? (
          <Button variant="secondary" pending={pending && !confirming} onClick={() => run(() => actions.setEnabled(slug, { id, enabled: true }), { success: t("enabled") })}>
            {t("enable")}
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming("disable")}>
            {t("disable")}
          </Button>
        ))}
      {rights.remove && (
        <Button variant="danger" onClick={() => setConfirming("delete")}>
          {t("delete")}
        </Button>
      )}
      <ConfirmDialog
        open={current !== null}
        onClose={close}
        onConfirm={() => current?.go()}
        pending={pending}
        title={current?.title ?? ""}
        description={current?.description ?? ""}
        confirmLabel={current?.label ?? ""}
      />
      <Dialog
        open={newSecret !== null}
        onClose={() => setNewSecret(null)}
        title={t("rotatedTitle")}
        description={t("rotatedDescription")}
        footer={<Button onClick={() => setNewSecret(null)}>{t("done")}</Button>}
      >
        {newSecret && <SecretReveal clientSecret={newSecret} />}
      </Dialog>
    </div>
  );
}
