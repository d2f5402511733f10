import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { MovementForm } from "@/components/inventory/movement-form";
import { MovementTable } from "@/components/inventory/movement-table";
import { Pager } from "@/components/inventory/pager";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { inventoryFormOptions, listMovements } from "@/lib/data/inventory";
import { can, requireTenant } from "@/lib/tenancy";
import { orNotFound, param, type SearchParams } from "@/app/(app)/[tenant]/assets/params";
import { recordMovementAction } from "@/app/(app)/[tenant]/inventory/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inventory.nav");
  return { title: t("movements") };
}

export default async function MovementsPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "inventory", "view")) notFound();
  const cursor = param(sp, "cursor");
  const canEdit = can(access, "inventory", "edit");
  const [page, options, t, tNav] = await Promise.all([
    orNotFound(listMovements(access, { cursor, limit: 50 })),
    canEdit ? inventoryFormOptions(access) : null,
    getTranslations("inventory"),
    getTranslations("inventory.nav"),
  ]);
  const base = `/${slug}/inventory/movements`;

  return (
    <>
      <TitleBar title={tNav("movements")} description={t("movementsDescription")} />
      <InventoryNav slug={slug} current="movements" />
      {options && (
        <Card className="mb-6 max-w-3xl" aria-label={t("recordMovement")}>
          <CardHeader title={t("recordMovement")} />
          <CardBody>
            <MovementForm slug={slug} parts={options.parts} warehouses={options.warehouses} action={recordMovementAction} />
          </CardBody>
        </Card>
      )}
      <MovementTable slug={slug} movements={page.items} timeZone={tenant.timezone} showPart />
      <Pager cursor={cursor} nextCursor={page.nextCursor} href={(c) => (c ? `${base}?cursor=${encodeURIComponent(c)}` : base)} />
    </>
  );
}
