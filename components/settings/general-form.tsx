"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useSettingsAction } from "./use-settings-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";

type General = { name: string; slug: string; timezone: string; locale: string; currency: string; workOrderPrefix: string };

export function GeneralForm({
  slug,
  initial,
  timeZones,
  currencies,
  locales,
  canEdit,
  action,
}: {
  slug: string;
  initial: General;
  timeZones: string[];
  currencies: { code: string; name: string }[];
  locales: { code: string; name: string }[];
  canEdit: boolean;
  action: ServerAction<Record<string, unknown>, { slug: string }>;
}) {
  const t = useTranslations("settings.general");
  const router = useRouter();
  const { run, pending, fieldError } = useSettingsAction();

  return (
    <Card>
      <CardBody>
        <form
          noValidate
          className="grid gap-5 sm:grid-cols-2"
          onSubmit={(event) => {
            event.preventDefault();
            const values = formValues(event.currentTarget);
            run(() => action(slug, values), {
              success: t("saved"),
              refresh: false,
              // A new slug is a new address: move there, so the old URL is not left showing a 404 next time.
              onOk: (data) => (data.slug !== slug ? router.replace(`/${data.slug}/settings`) : router.refresh()),
            });
          }}
        >
          <fieldset disabled={!canEdit || pending} className="contents">
            <Input label={t("name")} name="name" defaultValue={initial.name} required maxLength={100} error={fieldError("name")} />
            <Input
              label={t("slug")}
              name="slug"
              defaultValue={initial.slug}
              required
              maxLength={40}
              hint={t("slugHint")}
              error={fieldError("slug")}
              autoCapitalize="none"
              spellCheck={false}
            />
            <Select label={t("timezone")} name="timezone" defaultValue={initial.timezone} error={fieldError("timezone")}>
              {timeZones.map((z) => (
                <option key={z} value={z}>
                  {z.replaceAll("_", " ")}
                </option>
              ))}
            </Select>
            <Select label={t("locale")} name="locale" defaultValue={initial.locale} hint={t("localeHint")} error={fieldError("locale")}>
              {locales.map((l) => (
                <option key={l.code} value={l.code} lang={l.code}>
                  {l.name}
                </option>
              ))}
            </Select>
            <Select label={t("currency")} name="currency" defaultValue={initial.currency} error={fieldError("currency")}>
              {currencies.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} — {c.name}
                </option>
              ))}
            </Select>
            <Input
              label={t("prefix")}
              name="workOrderPrefix"
              defaultValue={initial.workOrderPrefix}
              required
              maxLength={10}
              hint={t("prefixHint", { example: `${initial.workOrderPrefix}000123` })}
              error={fieldError("workOrderPrefix")}
            />
            {canEdit && (
              <div className="sm:col-span-2">
                <Button type="submit" pending={pending}>
                  {t("save")}
                </Button>
              </div>
            )}
          </fieldset>
        </form>
      </CardBody>
    </Card>
  );
}
