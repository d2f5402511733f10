import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { EditWarehouseDialog } from "@/components/inventory/dialogs";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { WarehouseForm } from "@/components/inventory/warehouse-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listWarehouses } from "@/lib/data/inventory";
import { can, requireTenant } from "@/lib/tenancy";
import { createWarehouseAction, updateWarehouseAction } from "@/app/(app)/[tenant]/inventory/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inventory.nav");
  return { title: t("warehouses") };
}

export default async function WarehousesPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { access } = await requireTenant(slug);
  if (!can(access, "inventory", "view")) notFound();
  const [warehouses, t, tNav] = await Promise.all([listWarehouses(access), getTranslations("inventory"), getTranslations("inventory.nav")]);
  const canEdit = can(access, "inventory", "edit");

  return (
    <>
      <TitleBar title={tNav("warehouses")} description={t("warehousesDescription")} />
      <InventoryNav slug={slug} current="warehouses" />
      {can(access, "inventory", "create") && (
        <Card className="mb-6 max-w-3xl">
          <CardHeader title={t("addWarehouse")} />
          <CardBody>
            <WarehouseForm slug={slug} action={createWarehouseAction} initial={{ code: "", name: "" }} />
          </CardBody>
        </Card>
      )}
      {warehouses.length === 0 ? (
        <EmptyState icon={<InboxIcon className="size-6" />} title={t("noWarehouses")} />
      ) : (
        <Table caption={tNav("warehouses")} hideCaption>
          <THead>
            <tr>
              <TH>{t("columns.code")}</TH>
              <TH>{t("columns.name")}</TH>
              <TH className="text-right">{t("columns.parts")}</TH>
              <TH className="text-right">{t("columns.belowMinimum")}</TH>
              {canEdit && <TH>{t("columns.actions")}</TH>}
            </tr>
          </THead>
          <TBody>
            {warehouses.map((w) => (
              <TR key={w.id}>
                <TD className="font-medium whitespace-nowrap">{w.code}</TD>
                <TD className="min-w-48">{w.name}</TD>
                <TD className="text-right tabular-nums">
                  <Link href={`/${slug}/inventory/stock?warehouse=${encodeURIComponent(w.id)}`} className="text-brand-700 hover:underline">
                    {w.parts}
                  </Link>
                </TD>
                <TD className="text-right tabular-nums">
                  {w.belowMinimum > 0 ? (
                    <Link href={`/${slug}/inventory/stock?below=1&warehouse=${encodeURIComponent(w.id)}`} className="font-medium text-red-700 hover:underline">
                      {w.belowMinimum}
                    </Link>
                  ) : (
                    0
                  )}
                </TD>
                {canEdit && (
                  <TD>
                    <EditWarehouseDialog slug={slug} warehouse={{ id: w.id, code: w.code, name: w.name }} action={updateWarehouseAction} />
                  </TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
    </>
  );
}
