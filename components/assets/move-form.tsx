"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import type { Choice } from "./asset-form";
import { useFormAction } from "./use-form-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";

/**
 * Moves an asset (new parent and location) or a location (new parent). The choices already leave out the
 * node itself and everything below it; the server refuses such a move anyway.
 */
export function MoveForm({
  slug,
  id,
  kind,
  parents,
  parentId,
  locations,
  locationId,
  doneHref,
  action,
}: {
  slug: string;
  id: string;
  kind: "asset" | "location";
  parents: Choice[];
  parentId: string;
  /** asset moves only */
  locations?: Choice[];
  locationId?: string;
  doneHref: string;
  action: ServerAction<Record<string, unknown>, { id: string }>;
}) {
  const t = useTranslations("assetForm");
  const router = useRouter();
  const { run, pending } = useFormAction();
  return (
    <Card id="move">
      <CardHeader title={kind === "asset" ? t("moveAssetTitle") : t("moveLocationTitle")} description={kind === "asset" ? t("moveAssetHint") : t("moveLocationHint")} />
      <CardBody>
        <form
          noValidate
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => action(slug, { ...formValues(event.currentTarget), id }), {
              success: () => t("moved"),
              onOk: () => router.push(doneHref),
              messages: { conflict: t("cycle"), not_found: t("referenceGone") },
              refresh: false,
            });
          }}
        >
          <fieldset disabled={pending} className="grid gap-5 sm:grid-cols-2">
            <Select label={kind === "asset" ? t("parent") : t("parentLocation")} name="parentId" defaultValue={parentId}>
              <option value="">{kind === "asset" ? t("noParent") : t("topLevel")}</option>
              {parents.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </Select>
            {locations && (
              <Select label={t("location")} name="locationId" defaultValue={locationId}>
                <option value="">{t("noLocation")}</option>
                {locations.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.label}
                  </option>
                ))}
              </Select>
            )}
            <div className="sm:col-span-2 flex justify-end">
              <Button type="submit" variant="secondary" pending={pending}>
                {t("move")}
              </Button>
            </div>
          </fieldset>
        </form>
      </CardBody>
    </Card>
  );
}
