import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { StockLevelsDialog } from "@/components/inventory/dialogs";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { Pager } from "@/components/inventory/pager";
import { StockBadge } from "@/components/inventory/stock-badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listStock, listWarehouses } from "@/lib/data/inventory";
import { can, requireTenant } from "@/lib/tenancy";
import { orNotFound, param, type SearchParams } from "@/app/(app)/[tenant]/assets/params";
import { setStockLevelsAction } from "@/app/(app)/[tenant]/inventory/actions";

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const t = await getTranslations("inventory.nav");
  return { title: param(await searchParams, "below") ? t("below") : t("stock") };
}

export default async function StockPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access } = await requireTenant(slug);
  if (!can(access, "inventory", "view")) notFound();
  const below = param(sp, "below") === "1";
  const warehouseId = param(sp, "warehouse");
  const cursor = param(sp, "cursor");
  const [page, warehouses, t, tNav, format] = await Promise.all([
    orNotFound(listStock(access, { belowMinimum: below, warehouseId, cursor, limit: 50 })),
    listWarehouses(access),
    getTranslations("inventory"),
    getTranslations("inventory.nav"),
    getFormatter(),
  ]);
  const canEdit = can(access, "inventory", "edit");
  const base = `/${slug}/inventory/stock`;
  const href = (c?: string) => `${base}?${new URLSearchParams({ ...(below ? { below: "1" } : {}), ...(warehouseId ? { warehouse: warehouseId } : {}), ...(c ? { cursor: c } : {}) })}`;

  return (
    <>
      <TitleBar title={below ? tNav("below") : tNav("stock")} description={below ? t("belowDescription") : t("stockDescription")} />
      <InventoryNav slug={slug} current={below ? "below" : "stock"} />
      <form method="get" action={base} className="mb-4 flex max-w-xl items-end gap-2">
        {below && <input type="hidden" name="below" value="1" />}
        <Select label={t("columns.warehouse")} name="warehouse" defaultValue={warehouseId ?? ""} className="flex-1">
          <option value="">{t("allWarehouses")}</option>
          {warehouses.map((w) => (
            <option key={w.id} value={w.id}>
              {w.code} — {w.name}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState icon={<InboxIcon className="size-6" />} title={below ? t("nothingBelow") : t("noStock")} />
      ) : (
        <Table caption={below ? tNav("below") : tNav("stock")} hideCaption>
          <THead>
            <tr>
              <TH>{t("columns.part")}</TH>
              <TH>{t("columns.warehouse")}</TH>
              <TH className="text-right">{t("columns.quantity")}</TH>
              <TH className="text-right">{t("columns.min")}</TH>
              <TH className="text-right">{t("columns.max")}</TH>
              {below && <TH className="text-right">{t("columns.toOrder")}</TH>}
              <TH>{t("columns.status")}</TH>
              {canEdit && <TH>{t("columns.actions")}</TH>}
            </tr>
          </THead>
          <TBody>
            {page.items.map((s) => (
              <TR key={s.id}>
                <TD className="min-w-48">
                  <Link href={`/${slug}/inventory/parts/${s.part.id}`} className="font-medium text-brand-700 hover:underline">
                    {s.part.code}
                  </Link>{" "}
                  {s.part.name}
                </TD>
                <TD className="whitespace-nowrap">{s.warehouse.code}</TD>
                <TD className="text-right whitespace-nowrap tabular-nums">
                  {format.number(s.quantity)} {s.part.unit}
                </TD>
                <TD className="text-right tabular-nums">{format.number(s.min)}</TD>
                <TD className="text-right tabular-nums">{s.max === null ? "—" : format.number(s.max)}</TD>
                {below && <TD className="text-right tabular-nums">{format.number(Math.max(0, (s.max ?? s.min) - s.quantity))}</TD>}
                <TD>
                  <StockBadge quantity={s.quantity} min={s.min} max={s.max} />
                </TD>
                {canEdit && (
                  <TD>
                    <StockLevelsDialog slug={slug} partId={s.part.id} warehouse={s.warehouse} initial={{ min: s.min, max: s.max }} action={setStockLevelsAction} />
                  </TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager cursor={cursor} nextCursor={page.nextCursor} href={href} />
    </>
  );
}
