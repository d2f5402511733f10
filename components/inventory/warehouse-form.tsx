"use client";
// Create or rename a warehouse.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useAction } from "@/components/plans/use-action";
import type { ServerAction } from "@/components/ui/use-server-action";

export function WarehouseForm({
  slug,
  initial,
  action,
  onDone,
}: {
  slug: string;
  initial: { id?: string; code: string; name: string };
  action: ServerAction<Record<string, unknown>, { id: string }>;
  onDone?: () => void;
}) {
  const t = useTranslations("inventoryForms");
  const { run, pending, fieldError } = useAction();
  const [code, setCode] = useState(initial.code);
  const [name, setName] = useState(initial.name);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(() => action(slug, { ...(initial.id ? { id: initial.id } : {}), code, name }), {
      success: initial.id ? t("warehouseSaved") : t("warehouseCreated"),
      messages: { conflict: t("codeTaken") },
      onOk: () => {
        if (!initial.id) {
          setCode("");
          setName("");
        }
        onDone?.();
      },
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Input label={t("code")} value={code} onChange={(e) => setCode(e.target.value)} required maxLength={40} error={fieldError("code")} className="sm:w-40" />
      <Input label={t("name")} value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} error={fieldError("name")} className="flex-1" />
      <Button type="submit" pending={pending}>
        {initial.id ? t("save") : t("addWarehouse")}
      </Button>
    </form>
  );
}
