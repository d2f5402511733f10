import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { EditPartDialog, StockLevelsDialog } from "@/components/inventory/dialogs";
import { MovementForm } from "@/components/inventory/movement-form";
import { MovementTable } from "@/components/inventory/movement-table";
import { StockBadge } from "@/components/inventory/stock-badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getPart, inventoryFormOptions } from "@/lib/data/inventory";
import { can, requireTenant } from "@/lib/tenancy";
import { orNotFound } from "@/app/(app)/[tenant]/assets/params";
import { recordMovementAction, setStockLevelsAction, updatePartAction } from "@/app/(app)/[tenant]/inventory/actions";

type Params = Promise<{ tenant: string; partId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, partId } = await params;
  const { access } = await requireTenant(tenant);
  if (!can(access, "inventory", "view")) return {};
  const part = await orNotFound(getPart(access, partId));
  return { title: `${part.code} ${part.name}` };
}

export default async function PartPage({ params }: { params: Params }) {
  const { tenant: slug, partId } = await params;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "inventory", "view")) notFound();
  const canEdit = can(access, "inventory", "edit");
  const [part, options, t, format] = await Promise.all([
    orNotFound(getPart(access, partId)),
    canEdit ? inventoryFormOptions(access) : null,
    getTranslations("inventory"),
    getFormatter(),
  ]);
  const onHand = part.stocks.reduce((sum, s) => sum + s.quantity, 0);

  return (
    <>
      <TitleBar
        title={`${part.code} · ${part.name}`}
        crumbs={[{ href: `/${slug}/inventory`, label: t("crumb") }]}
        description={t("partSummary", {
          onHand: format.number(onHand),
          unit: part.unit,
          cost: format.number(part.unitCost, { style: "currency", currency: tenant.currency }),
        })}
        actions={canEdit && <EditPartDialog slug={slug} action={updatePartAction} part={{ id: part.id, code: part.code, name: part.name, unit: part.unit, unitCost: String(part.unitCost) }} />}
      />
      <div className="flex flex-col gap-6">
        <section aria-labelledby="stock-heading" className="min-w-0">
          <h2 id="stock-heading" className="mb-2 text-base font-semibold text-zinc-900">
            {t("stockByWarehouse")}
          </h2>
          {part.stocks.length === 0 ? (
            <p className="rounded-lg border border-dashed border-zinc-300 bg-white p-4 text-sm text-zinc-600">{t("notStockedYet")}</p>
          ) : (
            <Table caption={t("stockByWarehouse")} hideCaption>
              <THead>
                <tr>
                  <TH>{t("columns.warehouse")}</TH>
                  <TH className="text-right">{t("columns.quantity")}</TH>
                  <TH className="text-right">{t("columns.min")}</TH>
                  <TH className="text-right">{t("columns.max")}</TH>
                  <TH>{t("columns.status")}</TH>
                  {canEdit && <TH>{t("columns.actions")}</TH>}
                </tr>
              </THead>
              <TBody>
                {part.stocks.map((s) => (
                  <TR key={s.id}>
                    <TD className="whitespace-nowrap">
                      {s.warehouse.code} — {s.warehouse.name}
                    </TD>
                    <TD className="text-right tabular-nums">{format.number(s.quantity)}</TD>
                    <TD className="text-right tabular-nums">{format.number(s.min)}</TD>
                    <TD className="text-right tabular-nums">{s.max === null ? "—" : format.number(s.max)}</TD>
                    <TD>
                      <StockBadge quantity={s.quantity} min={s.min} max={s.max} />
                    </TD>
                    {canEdit && (
                      <TD>
                        <StockLevelsDialog slug={slug} partId={part.id} warehouse={s.warehouse} initial={{ min: s.min, max: s.max }} action={setStockLevelsAction} />
                      </TD>
                    )}
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>
        {options && (
          <Card aria-label={t("recordMovement")} className="max-w-3xl">
            <CardHeader title={t("recordMovement")} />
            <CardBody>
              <MovementForm
                slug={slug}
                partId={part.id}
                warehouses={options.warehouses}
                defaultWarehouseId={part.stocks[0]?.warehouse.id}
                action={recordMovementAction}
              />
            </CardBody>
          </Card>
        )}
      </div>
      <section aria-labelledby="moves-heading" className="mt-6">
        <h2 id="moves-heading" className="mb-2 text-base font-semibold text-zinc-900">
          {t("recentMovements")}
        </h2>
        <MovementTable slug={slug} movements={part.movements} timeZone={tenant.timezone} />
      </section>
    </>
  );
}
