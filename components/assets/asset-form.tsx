"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ASSET_STATUSES } from "@/lib/validation/asset";
import { useFormAction } from "./use-form-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";

export type Choice = { id: string; label: string };

export type AssetFormValues = {
  id?: string;
  code: string;
  name: string;
  category: string;
  manufacturer: string;
  model: string;
  serial: string;
  criticality: number;
  status: (typeof ASSET_STATUSES)[number];
  /** YYYY-MM-DD or "" */
  inService: string;
  locationId: string;
  parentId: string;
};

/**
 * Create or edit an asset. The parent is chosen here only when creating; an existing asset changes parent
 * through the move form, which refuses loops.
 */
export function AssetForm({
  slug,
  initial,
  categories,
  locations,
  parents,
  action,
}: {
  slug: string;
  initial: AssetFormValues;
  categories: string[];
  locations: Choice[];
  /** offered on create only */
  parents?: Choice[];
  action: ServerAction<Record<string, unknown>, { id: string }>;
}) {
  const t = useTranslations("assetForm");
  const tStatus = useTranslations("assetShared.status");
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
              success: () => (editing ? t("saved") : t("created")),
              onOk: ({ id }) => router.push(`/${slug}/assets/${id}`),
              messages: { conflict: t("codeTaken"), not_found: t("referenceGone") },
              refresh: false,
            });
          }}
        >
          <fieldset disabled={pending} className="contents">
            <div className="grid gap-5 sm:grid-cols-[12rem_minmax(0,1fr)]">
              <Input
                label={t("code")}
                name="code"
                required
                maxLength={40}
                autoCapitalize="characters"
                defaultValue={initial.code}
                hint={t("codeHint")}
                error={fieldError("code", t("codeError"))}
              />
              <Input label={t("name")} name="name" required maxLength={200} defaultValue={initial.name} error={fieldError("name", t("nameError"))} />
            </div>
            <div className="grid gap-5 sm:grid-cols-2">
              <Input label={t("category")} name="category" list="asset-categories" maxLength={100} defaultValue={initial.category} />
              <datalist id="asset-categories">
                {categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
              <Select label={t("location")} name="locationId" defaultValue={initial.locationId} error={fieldError("locationId", t("referenceGone"))}>
                <option value="">{t("noLocation")}</option>
                {locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </Select>
              {parents && (
                <Select label={t("parent")} name="parentId" defaultValue={initial.parentId} hint={t("parentHint")}>
                  <option value="">{t("noParent")}</option>
                  {parents.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </Select>
              )}
              <Select label={t("status")} name="status" defaultValue={initial.status}>
                {ASSET_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {tStatus(s)}
                  </option>
                ))}
              </Select>
              <Select label={t("criticality")} name="criticality" defaultValue={String(initial.criticality)} hint={t("criticalityHint")}>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {t(`criticalityLevel.${n}` as "criticalityLevel.1")}
                  </option>
                ))}
              </Select>
              <Input label={t("inService")} name="inService" type="date" defaultValue={initial.inService} error={fieldError("inService", t("dateError"))} />
            </div>
            <div className="grid gap-5 sm:grid-cols-3">
              <Input label={t("manufacturer")} name="manufacturer" maxLength={100} defaultValue={initial.manufacturer} />
              <Input label={t("model")} name="model" maxLength={100} defaultValue={initial.model} />
              <Input label={t("serial")} name="serial" maxLength={100} defaultValue={initial.serial} />
            </div>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => router.back()}>
                {t("cancel")}
              </Button>
              <Button type="submit" pending={pending}>
                {editing ? t("save") : t("create")}
              </Button>
            </div>
          </fieldset>
        </form>
      </CardBody>
    </Card>
  );
}
