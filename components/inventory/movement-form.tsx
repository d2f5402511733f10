"use client";
// Record a receipt, an issue (optionally to a work order), an adjustment or a transfer. The server refuses
// anything that would take stock below zero; the form says so in words.
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useAction } from "@/components/plans/use-action";
import type { ServerAction } from "@/components/ui/use-server-action";

type Kind = "receipt" | "issue" | "adjustment" | "transfer";
type Option = { id: string; code: string; name: string };

export function MovementForm({
  slug,
  parts,
  warehouses,
  partId: fixedPart,
  defaultWarehouseId,
  action,
}: {
  slug: string;
  parts?: (Option & { unit: string })[];
  warehouses: Option[];
  /** the part page records movements of its own part only */
  partId?: string;
  /** where the part is already stocked, if anywhere */
  defaultWarehouseId?: string;
  action: ServerAction<Record<string, unknown>>;
}) {
  const t = useTranslations("inventoryForms");
  const { run, pending, fieldError } = useAction();
  const [kind, setKind] = useState<Kind>("receipt");
  const [partId, setPartId] = useState(fixedPart ?? "");
  const [warehouseId, setWarehouseId] = useState(defaultWarehouseId ?? warehouses[0]?.id ?? "");
  const [toWarehouseId, setToWarehouseId] = useState(warehouses.find((w) => w.id !== warehouseId)?.id ?? "");
  const [quantity, setQuantity] = useState("");
  const [workOrderCode, setWorkOrderCode] = useState("");
  const [note, setNote] = useState("");

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      kind,
      partId,
      warehouseId,
      quantity: Number(quantity),
      ...(kind === "transfer" ? { toWarehouseId } : {}),
      ...(kind === "issue" && workOrderCode.trim() ? { workOrderCode: workOrderCode.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    run(() => action(slug, input), {
      success: t(`recorded.${kind}`),
      messages: { conflict: kind === "issue" && workOrderCode ? t("notEnoughOrClosed") : t("notEnough"), not_found: t("workOrderNotFound") },
      onOk: () => {
        setQuantity("");
        setNote("");
        setWorkOrderCode("");
      },
    });
  }

  return (
    <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2">
      <Select label={t("kind")} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
        {(["receipt", "issue", "adjustment", "transfer"] as const).map((k) => (
          <option key={k} value={k}>
            {t(`kinds.${k}`)}
          </option>
        ))}
      </Select>
      {parts && !fixedPart && (
        <Select label={t("part")} value={partId} onChange={(e) => setPartId(e.target.value)} required error={fieldError("partId")}>
          <option value="">{t("choosePart")}</option>
          {parts.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code} — {p.name}
            </option>
          ))}
        </Select>
      )}
      <Select label={kind === "transfer" ? t("fromWarehouse") : t("warehouse")} value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)} required>
        {warehouses.map((w) => (
          <option key={w.id} value={w.id}>
            {w.code} — {w.name}
          </option>
        ))}
      </Select>
      {kind === "transfer" && (
        <Select label={t("toWarehouse")} value={toWarehouseId} onChange={(e) => setToWarehouseId(e.target.value)} required error={fieldError("toWarehouseId") && t("sameWarehouse")}>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.code} — {w.name}
            </option>
          ))}
        </Select>
      )}
      <Input
        label={kind === "adjustment" ? t("change") : t("quantity")}
        hint={kind === "adjustment" ? t("changeHint") : undefined}
        type="number"
        inputMode="decimal"
        step="any"
        min={kind === "adjustment" ? undefined : 0}
        required
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
        error={fieldError("quantity")}
      />
      {kind === "issue" && (
        <Input label={t("workOrder")} hint={t("workOrderHint")} value={workOrderCode} onChange={(e) => setWorkOrderCode(e.target.value)} maxLength={40} />
      )}
      <Input label={t("note")} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} className="sm:col-span-2" />
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" pending={pending} disabled={warehouses.length === 0}>
          {t("record")}
        </Button>
      </div>
    </form>
  );
}
