"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { CopyField } from "./copy-field";
import { useSettingsAction } from "./use-settings-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";

type Added = { membershipId: string; created: boolean; temporaryPassword: string | null };

/** Adds a member. A brand-new account's temporary password is shown here once and never again. */
export function AddMemberDialog({
  slug,
  roles,
  defaultRoleId,
  minPasswordLength,
  action,
}: {
  slug: string;
  roles: { id: string; label: string }[];
  defaultRoleId: string;
  minPasswordLength: number;
  action: ServerAction<Record<string, unknown>, Added>;
}) {
  const t = useTranslations("settings.users");
  const { run, pending, fieldError, clearErrors } = useSettingsAction();
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<(Added & { email: string }) | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const close = () => {
    setOpen(false);
    setAdded(null);
    clearErrors();
  };

  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("add")}</Button>
      <Dialog
        open={open}
        onClose={close}
        dismissible={!pending}
        title={added ? t("addedTitle") : t("addTitle")}
        description={added ? (added.created ? t("addedNew", { email: added.email }) : t("addedExisting", { email: added.email })) : t("addDescription")}
        footer={
          added ? (
            <Button onClick={close}>{t("done")}</Button>
          ) : (
            <>
              <Button variant="secondary" onClick={close} disabled={pending}>
                {t("cancel")}
              </Button>
              <Button onClick={() => formRef.current?.requestSubmit()} pending={pending}>
                {t("addSubmit")}
              </Button>
            </>
          )
        }
      >
        {added ? (
          added.temporaryPassword && (
            <CopyField label={t("temporaryPassword")} value={added.temporaryPassword} hint={t("temporaryPasswordHint")} secret />
          )
        ) : (
          <form
            ref={formRef}
            noValidate
            className="flex flex-col gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              const values = formValues(event.currentTarget);
              run(() => action(slug, values), { onOk: (data) => setAdded({ ...data, email: String(values.email) }) });
            }}
          >
            <Input label={t("email")} name="email" type="email" autoComplete="off" required maxLength={254} error={fieldError("email")} />
            <Input label={t("name")} name="name" autoComplete="off" required maxLength={100} hint={t("nameHint")} error={fieldError("name")} />
            <Select label={t("role")} name="roleId" defaultValue={defaultRoleId} error={fieldError("roleId")}>
              {roles.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </Select>
            <Input
              label={t("initialPassword")}
              name="password"
              type="password"
              autoComplete="new-password"
              hint={t("initialPasswordHint", { min: minPasswordLength })}
              error={fieldError("password")}
            />
          </form>
        )}
      </Dialog>
    </>
  );
}
