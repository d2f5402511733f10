"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { addPartUsageAction } from "./actions";
import { useWorkOrderAction } from "./use-work-order-action";

export type PartRow = { id: string; part: string; warehouse: string; quantity: string; unitCost: string; cost: string };
export type StockOption = { partId: string; warehouseId: string; label: string };

export function PartsCard({ slug, workOrderId, rows, stock }: { slug: string; workOrderId: string; rows: PartRow[]; stock: StockOption[] | null }) {
  const t = useTranslations("woDetail");
  const tf = useTranslations("woForm.errors");
  const { run, pending, hasError } = useWorkOrderAction();
  const [choice, setChoice] = useState("");
  const [quantity, setQuantity] = useState("1");

  return (
    <Card>
      <CardHeader title={t("parts")} />
      <CardBody className="pt-3">
        {rows.length > 0 && (
          <ul className="flex flex-col divide-y divide-zinc-100 text-sm sm:hidden" aria-label={t("partsCaption")}>
            {rows.map((r) => (
              <li key={r.id} className="py-2">
                <p className="flex justify-between gap-2 font-medium text-zinc-900">
                  <span>{r.part}</span>
                  <span className="tabular-nums">{r.cost}</span>
                </p>
                <p className="text-xs text-zinc-500">
                  {r.quantity} × {r.unitCost} · {r.warehouse}
                </p>
              </li>
            ))}
          </ul>
        )}
        {rows.length ? (
          <div className="hidden sm:block">
            <Table caption={t("partsCaption")} hideCaption>
              <THead>
                <tr>
                  <TH>{t("partColumns.part")}</TH>
                  <TH>{t("partColumns.warehouse")}</TH>
                  <TH className="text-right">{t("partColumns.quantity")}</TH>
                  <TH className="text-right">{t("partColumns.unitCost")}</TH>
                  <TH className="text-right">{t("partColumns.cost")}</TH>
                </tr>
              </THead>
              <TBody>
                {rows.map((r) => (
                  <TR key={r.id}>
                    <TD>{r.part}</TD>
                    <TD>{r.warehouse}</TD>
                    <TD className="text-right whitespace-nowrap">{r.quantity}</TD>
                    <TD className="text-right whitespace-nowrap">{r.unitCost}</TD>
                    <TD className="text-right whitespace-nowrap">{r.cost}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
        ) : (
          <p className="text-sm text-zinc-500">{t("noParts")}</p>
        )}
        {stock &&
          (stock.length ? (
            <form
              className="mt-4 grid gap-3 sm:grid-cols-[1fr_8rem_auto] sm:items-start"
              onSubmit={(e) => {
                e.preventDefault();
                const [partId, warehouseId] = choice.split("|");
                run(() => addPartUsageAction(slug, { workOrder: workOrderId, partId, warehouseId, quantity: Number(quantity) }), {
                  success: t("partAdded"),
                  onOk: () => setQuantity("1"),
                });
              }}
            >
              <Select label={t("partStock")} value={choice} onChange={(e) => setChoice(e.target.value)} required>
                <option value="">{t("choosePart")}</option>
                {stock.map((s) => (
                  <option key={`${s.partId}|${s.warehouseId}`} value={`${s.partId}|${s.warehouseId}`}>
                    {s.label}
                  </option>
                ))}
              </Select>
              <Input
                label={t("partQuantity")}
                type="number"
                min={0.1}
                step="any"
                required
                value={quantity}
                onChange={(e) => setQuantity(e.target.value)}
                error={hasError("quantity") ? tf("quantity") : undefined}
              />
              <Button type="submit" variant="secondary" pending={pending} className="sm:mt-6.5">
                {t("addPart")}
              </Button>
            </form>
          ) : (
            <p className="mt-3 text-sm text-zinc-500">{t("noStock")}</p>
          ))}
      </CardBody>
    </Card>
  );
}
