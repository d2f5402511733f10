"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { Choice } from "./asset-form";
import { useFormAction } from "./use-form-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";

/** Create a location (with its parent) or rename one (its parent changes through the move form). */
export function LocationForm({
  slug,
  initial,
  parents,
  action,
}: {
  slug: string;
  initial: { id?: string; code: string; name: string; parentId: string };
  /** offered on create only */
  parents?: Choice[];
  action: ServerAction<Record<string, unknown>, { id: string }>;
}) {
  const t = useTranslations("assetForm");
  const router = useRouter();
  const { run, pending, fieldError } = useFormAction();
  const editing = Boolean(initial.id);
  return (
    <Card>
      <CardBody>
        <form
          noValidate
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            const values = formValues(event.currentTarget);
            run(() => action(slug, editing ? { ...values, id: initial.id } : values), {
              success: () => (editing ? t("locationSaved") : t("locationCreated")),
              onOk: ({ id }) => router.push(`/${slug}/assets?location=${encodeURIComponent(id)}`),
              messages: { conflict: t("locationCodeTaken"), not_found: t("referenceGone") },
              refresh: false,
            });
          }}
        >
          <fieldset disabled={pending} className="contents">
            <div className="grid gap-5 sm:grid-cols-[12rem_minmax(0,1fr)]">
              <Input label={t("code")} name="code" required maxLength={40} defaultValue={initial.code} hint={t("codeHint")} error={fieldError("code", t("codeError"))} />
              <Input label={t("name")} name="name" required maxLength={200} defaultValue={initial.name} error={fieldError("name", t("nameError"))} />
            </div>
            {parents && (
              <Select label={t("parentLocation")} name="parentId" defaultValue={initial.parentId}>
                <option value="">{t("topLevel")}</option>
                {parents.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </Select>
            )}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => router.back()}>
                {t("cancel")}
              </Button>
              <Button type="submit" pending={pending}>
                {editing ? t("save") : t("createLocation")}
              </Button>
            </div>
          </fieldset>
        </form>
      </CardBody>
    </Card>
  );
}
