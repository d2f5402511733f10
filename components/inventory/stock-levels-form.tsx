"use client";
// Minimum and maximum stock of a part in one warehouse.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useAction } from "@/components/plans/use-action";
import type { ServerAction } from "@/components/ui/use-server-action";

export function StockLevelsForm({
  slug,
  partId,
  warehouseId,
  initial,
  action,
  onDone,
}: {
  slug: string;
  partId: string;
  warehouseId: string;
  initial: { min: number; max: number | null };
  action: ServerAction<Record<string, unknown>>;
  onDone?: () => void;
}) {
  const t = useTranslations("inventoryForms");
  const { run, pending, fieldError } = useAction();
  const [min, setMin] = useState(String(initial.min));
  const [max, setMax] = useState(initial.max === null ? "" : String(initial.max));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(() => action(slug, { partId, warehouseId, min: Number(min), ...(max !== "" ? { max: Number(max) } : {}) }), {
      success: t("levelsSaved"),
      onOk: () => onDone?.(),
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2">
      <Input label={t("min")} type="number" min={0} step="any" inputMode="decimal" required value={min} onChange={(e) => setMin(e.target.value)} error={fieldError("min")} />
      <Input
        label={t("max")}
        hint={t("maxHint")}
        type="number"
        min={0}
        step="any"
        inputMode="decimal"
        value={max}
        onChange={(e) => setMax(e.target.value)}
        error={fieldError("max") && t("maxBelowMin")}
      />
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
