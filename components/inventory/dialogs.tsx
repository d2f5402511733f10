"use client";
// The inventory's edit dialogs, as client components a server page can render with plain props.
import { useTranslations } from "next-intl";
import type { ServerAction } from "@/components/ui/use-server-action";
import { EditDialog } from "./edit-dialog";
import { PartForm, type PartValues } from "./part-form";
import { StockLevelsForm } from "./stock-levels-form";
import { WarehouseForm } from "./warehouse-form";

type Action<T = unknown> = ServerAction<Record<string, unknown>, T>;

export function EditPartDialog({ slug, part, action }: { slug: string; part: PartValues & { id: string }; action: Action<{ id: string }> }) {
  const t = useTranslations("inventoryForms");
  return (
    <EditDialog label={t("editPart")} title={t("editPartTitle", { code: part.code })}>
      {(close) => <PartForm slug={slug} initial={part} action={action} onDone={close} />}
    </EditDialog>
  );
}

export function StockLevelsDialog({
  slug,
  partId,
  warehouse,
  initial,
  action,
}: {
  slug: string;
  partId: string;
  warehouse: { id: string; code: string };
  initial: { min: number; max: number | null };
  action: Action;
}) {
  const t = useTranslations("inventoryForms");
  return (
    <EditDialog label={t("setLevels")} ariaLabel={t("setLevelsFor", { warehouse: warehouse.code })} title={t("levelsTitle", { warehouse: warehouse.code })} size="sm" variant="ghost">
      {(close) => <StockLevelsForm slug={slug} partId={partId} warehouseId={warehouse.id} initial={initial} action={action} onDone={close} />}
    </EditDialog>
  );
}

export function EditWarehouseDialog({ slug, warehouse, action }: { slug: string; warehouse: { id: string; code: string; name: string }; action: Action<{ id: string }> }) {
  const t = useTranslations("inventoryForms");
  return (
    <EditDialog label={t("rename")} ariaLabel={t("renameWarehouse", { code: warehouse.code })} title={t("renameWarehouse", { code: warehouse.code })} size="sm" variant="ghost">
      {(close) => <WarehouseForm slug={slug} initial={warehouse} action={action} onDone={close} />}
    </EditDialog>
  );
}
