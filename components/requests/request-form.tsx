"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { Choice } from "@/components/assets/asset-form";
import { useFormAction } from "@/components/assets/use-form-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { Textarea } from "./textarea";

/** The one form a Requester needs: what is wrong, where, and whether it is urgent. */
export function RequestForm({
  slug,
  assets,
  locations,
  initialAssetId,
  action,
}: {
  slug: string;
  assets: Choice[];
  locations: Choice[];
  initialAssetId: string;
  action: ServerAction<Record<string, unknown>, { id: string; code: string }>;
}) {
  const t = useTranslations("requestForm");
  const router = useRouter();
  const { run, pending, fieldError } = useFormAction();
  return (
    <Card>
      <CardBody>
        <form
          noValidate
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => action(slug, formValues(event.currentTarget)), {
              success: ({ code }) => t("sent", { code }),
              onOk: ({ id }) => router.push(`/${slug}/requests/${id}`),
              messages: { not_found: t("referenceGone") },
              refresh: false,
            });
          }}
        >
          <fieldset disabled={pending} className="contents">
            <Textarea
              label={t("description")}
              name="description"
              required
              maxLength={2000}
              rows={5}
              hint={t("descriptionHint")}
              error={fieldError("description", t("descriptionError"))}
            />
            <div className="grid gap-5 sm:grid-cols-2">
              <Select label={t("asset")} name="assetId" defaultValue={initialAssetId} hint={t("assetHint")}>
                <option value="">{t("noAsset")}</option>
                {assets.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                  </option>
                ))}
              </Select>
              <Select label={t("location")} name="locationId" defaultValue="" hint={t("locationHint")}>
                <option value="">{t("noLocation")}</option>
                {locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </Select>
            </div>
            <label className="flex items-start gap-3 rounded-md border border-zinc-300 bg-white p-3 text-sm has-checked:border-amber-500 has-checked:bg-amber-50">
              <input type="checkbox" name="urgent" className="mt-0.5 size-4 accent-amber-600" />
              <span>
                <span className="font-medium text-zinc-900">{t("urgent")}</span>
                <span className="block text-zinc-600">{t("urgentHint")}</span>
              </span>
            </label>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={() => router.back()}>
                {t("cancel")}
              </Button>
              <Button type="submit" pending={pending}>
                {t("submit")}
              </Button>
            </div>
          </fieldset>
        </form>
      </CardBody>
    </Card>
  );
}
