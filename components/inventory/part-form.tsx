"use client";
// Create or edit a spare part: code, name, unit and unit cost.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useAction } from "@/components/plans/use-action";
import type { ServerAction } from "@/components/ui/use-server-action";

export interface PartValues {
  id?: string;
  code: string;
  name: string;
  unit: string;
  unitCost: string;
}

export function PartForm({
  slug,
  initial,
  action,
  onDone,
}: {
  slug: string;
  initial: PartValues;
  action: ServerAction<Record<string, unknown>, { id: string }>;
  /** after a successful save; by default the part's page opens */
  onDone?: () => void;
}) {
  const t = useTranslations("inventoryForms");
  const router = useRouter();
  const { run, pending, fieldError } = useAction();
  const [v, setV] = useState(initial);
  const set = (key: keyof PartValues) => (e: React.ChangeEvent<HTMLInputElement>) => setV((prev) => ({ ...prev, [key]: e.target.value }));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = { ...(v.id ? { id: v.id } : {}), code: v.code, name: v.name, unit: v.unit, unitCost: Number(v.unitCost) };
    run(() => action(slug, input), {
      success: v.id ? t("partSaved") : t("partCreated"),
      messages: { conflict: t("codeTaken") },
      // Editing in place refreshes the page behind the dialog; creating opens the new part's page instead.
      refresh: Boolean(onDone),
      onOk: ({ id }) => (onDone ? onDone() : router.push(`/${slug}/inventory/parts/${id}`)),
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2">
      <Input label={t("code")} value={v.code} onChange={set("code")} required maxLength={40} error={fieldError("code")} />
      <Input label={t("name")} value={v.name} onChange={set("name")} required maxLength={200} error={fieldError("name")} />
      <Input label={t("unit")} hint={t("unitHint")} value={v.unit} onChange={set("unit")} required maxLength={20} error={fieldError("unit")} />
      <Input
        label={t("unitCost")}
        type="number"
        inputMode="decimal"
        min={0}
        step="0.01"
        value={v.unitCost}
        onChange={set("unitCost")}
        required
        error={fieldError("unitCost")}
      />
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" pending={pending}>
          {v.id ? t("save") : t("createPart")}
        </Button>
      </div>
    </form>
  );
}
