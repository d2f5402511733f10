"use client";
import { useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { controlClasses } from "@/components/ui/field";
import { cx } from "@/components/ui/cx";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SecretReveal } from "./secret-reveal";
import { useSettingsAction } from "./use-settings-action";
import type { ServerAction } from "@/components/ui/use-server-action";

export type ConsumerValues = {
  name: string;
  description: string;
  authorizationCode: boolean;
  clientCredentials: boolean;
  confidential: boolean;
  redirectUris: string[];
  privacyPolicyUrl: string;
  termsUrl: string;
  permissionGroupId: string;
};
type Created = { id: string; clientId: string; clientSecret: string | null };

function Check({ label, hint, checked, onChange, disabled }: { label: string; hint: string; checked: boolean; onChange: (v: boolean) => void; disabled?: boolean }) {
  return (
    <label className="flex items-start gap-3 text-sm text-zinc-800">
      <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      <span>
        <span className="font-medium">{label}</span>
        <span className="mt-0.5 block text-zinc-500">{hint}</span>
      </span>
    </label>
  );
}

/** Create (no `id`) or edit a tenant consumer. On create, the key and the one-time secret replace the form. */
export function ConsumerForm({
  slug,
  id,
  initial,
  groups,
  listHref,
  createAction,
  updateAction,
}: {
  slug: string;
  id?: string;
  initial: ConsumerValues;
  groups: { id: string; name: string }[];
  listHref: string;
  createAction?: ServerAction<ConsumerValues, Created>;
  updateAction?: ServerAction<ConsumerValues & { id: string }>;
}) {
  const t = useTranslations("settings.consumers");
  const { run, pending, fieldError } = useSettingsAction();
  const [v, setV] = useState<ConsumerValues>({ ...initial, redirectUris: initial.redirectUris.length ? initial.redirectUris : [""] });
  const [created, setCreated] = useState<Created | null>(null);
  const set = <K extends keyof ConsumerValues>(key: K, value: ConsumerValues[K]) => setV((prev) => ({ ...prev, [key]: value }));

  if (created) {
    return (
      <Card>
        <CardHeader title={t("createdTitle", { name: v.name })} description={t("createdDescription")} />
        <CardBody className="flex flex-col gap-5">
          <SecretReveal clientId={created.clientId} clientSecret={created.clientSecret} />
          <div className="flex flex-col gap-2 sm:flex-row">
            <Link href={listHref} className={buttonClasses()}>
              {t("done")}
            </Link>
            <Link href={`${listHref}/consumers/${created.id}`} className={buttonClasses({ variant: "secondary" })}>
              {t("viewConsumer")}
            </Link>
          </div>
        </CardBody>
      </Card>
    );
  }

  const uriError = (i: number) => fieldError(`redirectUris.${i}`);
  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(event) => {
        event.preventDefault();
        if (id && updateAction) {
          run(() => updateAction(slug, { ...v, id }), { success: t("saved") });
        } else if (createAction) {
          run(() => createAction(slug, v), { success: t("created"), refresh: false, onOk: (data) => setCreated(data) });
        }
      }}
    >
      <fieldset disabled={pending} className="contents">
        <Card>
          <CardHeader title={t("detailsTitle")} />
          <CardBody className="flex flex-col gap-5">
            <Input label={t("name")} value={v.name} onChange={(e) => set("name", e.target.value)} maxLength={100} required error={fieldError("name")} className="sm:max-w-md" />
            <div className="flex flex-col gap-1.5">
              <label htmlFor="consumer-description" className="text-sm font-medium text-zinc-800">
                {t("description")}
              </label>
              <textarea
                id="consumer-description"
                rows={3}
                maxLength={500}
                value={v.description}
                onChange={(e) => set("description", e.target.value)}
                className={cx(controlClasses, "px-3 py-2")}
              />
            </div>
            <Input label={t("privacyPolicyUrl")} type="url" value={v.privacyPolicyUrl} onChange={(e) => set("privacyPolicyUrl", e.target.value)} error={fieldError("privacyPolicyUrl")} />
            <Input label={t("termsUrl")} type="url" value={v.termsUrl} onChange={(e) => set("termsUrl", e.target.value)} error={fieldError("termsUrl")} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("accessTitle")} />
          <CardBody className="flex flex-col gap-5">
            <fieldset className="flex flex-col gap-3" aria-describedby={fieldError("grantTypes") ? "grant-error" : undefined}>
              <legend className="mb-2 text-sm font-medium text-zinc-800">{t("grantType")}</legend>
              <Check label={t("authorizationCode")} hint={t("authorizationCodeHint")} checked={v.authorizationCode} onChange={(x) => set("authorizationCode", x)} />
              <Check label={t("clientCredentials")} hint={t("clientCredentialsHint")} checked={v.clientCredentials} onChange={(x) => set("clientCredentials", x)} />
              {fieldError("grantTypes") && (
                <p id="grant-error" className="text-sm text-red-700">
                  {fieldError("grantTypes")}
                </p>
              )}
            </fieldset>
            {!id && (
              <Select label={t("clientType")} value={v.confidential ? "confidential" : "public"} onChange={(e) => set("confidential", e.target.value === "confidential")} hint={t("clientTypeHint")} className="sm:max-w-md">
                <option value="confidential">{t("confidential")}</option>
                <option value="public">{t("public")}</option>
              </Select>
            )}
            {v.authorizationCode && (
              <fieldset className="flex flex-col gap-2">
                <legend className="text-sm font-medium text-zinc-800">{t("callbackUrls")}</legend>
                <p className="text-sm text-zinc-500">{t("callbackUrlsHint")}</p>
                {v.redirectUris.map((uri, i) => (
                  <div key={i} className="flex items-start gap-2">
                    <Input
                      label={t("callbackUrlN", { n: i + 1 })}
                      hideLabel
                      type="url"
                      className="min-w-0 flex-1"
                      value={uri}
                      placeholder="https://"
                      onChange={(e) => set("redirectUris", v.redirectUris.map((u, j) => (j === i ? e.target.value : u)))}
                      error={uriError(i)}
                    />
                    <Button variant="ghost" aria-label={t("removeCallbackN", { n: i + 1 })} disabled={v.redirectUris.length === 1} onClick={() => set("redirectUris", v.redirectUris.filter((_, j) => j !== i))}>
                      {t("removeCallback")}
                    </Button>
                  </div>
                ))}
                {fieldError("redirectUris") && <p className="text-sm text-red-700">{fieldError("redirectUris")}</p>}
                {v.redirectUris.length < 10 && (
                  <div>
                    <Button variant="secondary" size="sm" onClick={() => set("redirectUris", [...v.redirectUris, ""])}>
                      {t("addCallback")}
                    </Button>
                  </div>
                )}
              </fieldset>
            )}
            <Select label={t("permissions")} value={v.permissionGroupId} onChange={(e) => set("permissionGroupId", e.target.value)} hint={t("permissionsHint")} error={fieldError("permissionGroupId")} className="sm:max-w-md">
              <option value="">{t("chooseGroup")}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
              <option value="dynamic">{t("dynamic")}</option>
            </Select>
          </CardBody>
        </Card>
        <div className="flex flex-col-reverse gap-2 sm:flex-row">
          <Link href={listHref} className={buttonClasses({ variant: "secondary" })}>
            {t("cancel")}
          </Link>
          <Button type="submit" pending={pending}>
            {id ? t("save") : t("create")}
          </Button>
        </div>
      </fieldset>
    </form>
  );
}
