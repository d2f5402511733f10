"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useSettingsAction } from "./use-settings-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";

type Security = { passwordMinLength: number; sessionHours: number; allowSelfRegisteredClients: boolean; selfRegisteredGroupId?: string };

export function SecurityForm({
  slug,
  initial,
  groups,
  limits,
  canEdit,
  action,
}: {
  slug: string;
  initial: Security;
  groups: { id: string; name: string }[];
  limits: { passwordMin: number; passwordMax: number; sessionMax: number };
  canEdit: boolean;
  action: ServerAction<Record<string, unknown>>;
}) {
  const t = useTranslations("settings.security");
  const { run, pending, fieldError } = useSettingsAction();
  const [allow, setAllow] = useState(initial.allowSelfRegisteredClients);

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        const values = { ...formValues(event.currentTarget), allowSelfRegisteredClients: allow };
        run(() => action(slug, values), { success: t("saved") });
      }}
    >
      <fieldset disabled={!canEdit || pending} className="contents">
        <Card>
          <CardHeader title={t("passwordsTitle")} description={t("passwordsDescription")} />
          <CardBody className="grid gap-5 sm:grid-cols-2">
            <Input
              label={t("passwordMinLength")}
              name="passwordMinLength"
              type="number"
              inputMode="numeric"
              min={limits.passwordMin}
              max={limits.passwordMax}
              defaultValue={initial.passwordMinLength}
              hint={t("passwordMinLengthHint", { min: limits.passwordMin, max: limits.passwordMax })}
              error={fieldError("passwordMinLength")}
            />
            <Input
              label={t("sessionHours")}
              name="sessionHours"
              type="number"
              inputMode="numeric"
              min={1}
              max={limits.sessionMax}
              defaultValue={initial.sessionHours}
              hint={t("sessionHoursHint", { max: limits.sessionMax })}
              error={fieldError("sessionHours")}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("aiTitle")} description={t("aiDescription")} />
          <CardBody className="flex flex-col gap-5">
            <label className="flex items-start gap-3 text-sm text-zinc-800">
              <input
                type="checkbox"
                className="mt-0.5 size-4 rounded border-zinc-300 accent-brand-600"
                checked={allow}
                onChange={(e) => setAllow(e.target.checked)}
              />
              <span>
                <span className="font-medium">{t("allowSelfRegistered")}</span>
                <span className="mt-0.5 block text-zinc-500">{t("allowSelfRegisteredHint")}</span>
              </span>
            </label>
            <Select
              label={t("selfRegisteredGroup")}
              name="selfRegisteredGroupId"
              defaultValue={initial.selfRegisteredGroupId ?? ""}
              hint={t("selfRegisteredGroupHint")}
              error={fieldError("selfRegisteredGroupId")}
              disabled={!allow}
              className="sm:max-w-sm"
            >
              <option value="">{t("chooseGroup")}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </Select>
          </CardBody>
        </Card>
        {canEdit && (
          <div>
            <Button type="submit" pending={pending}>
              {t("save")}
            </Button>
          </div>
        )}
      </fieldset>
    </form>
  );
}
