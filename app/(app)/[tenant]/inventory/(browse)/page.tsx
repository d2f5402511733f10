import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { InventoryNav } from "@/components/inventory/inventory-nav";
import { Pager } from "@/components/inventory/pager";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { searchParts } from "@/lib/data/inventory";
import { can, requireTenant } from "@/lib/tenancy";
import { orNotFound, param, type SearchParams } from "@/app/(app)/[tenant]/assets/params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("inventory") };
}

export default async function InventoryPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: SearchParams }) {
  const { tenant: slug } = await params;
  const sp = await searchParams;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "inventory", "view")) notFound();
  const q = param(sp, "q");
  const cursor = param(sp, "cursor");
  const [page, t, tNav, format] = await Promise.all([orNotFound(searchParts(access, { q, cursor, limit: 25 })), getTranslations("inventory"), getTranslations("nav"), getFormatter()]);
  const base = `/${slug}/inventory`;

  return (
    <>
      <TitleBar
        title={tNav("inventory")}
        description={t("description")}
        actions={
          can(access, "inventory", "create") && (
            <Link href={`${base}/parts/new`} className={buttonClasses()}>
              {t("newPart")}
            </Link>
          )
        }
      />
      <InventoryNav slug={slug} current="parts" />
      <form method="get" action={base} role="search" className="mb-4 flex max-w-xl items-end gap-2">
        <Input label={t("search")} name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="flex-1" />
        <Button type="submit" variant="secondary">
          {t("searchButton")}
        </Button>
      </form>
      {page.items.length === 0 ? (
        <EmptyState icon={<InboxIcon className="size-6" />} title={q ? t("noMatch") : t("emptyTitle")} description={q ? undefined : t("emptyDescription")} />
      ) : (
        <Table caption={t("partsCaption")} hideCaption>
          <THead>
            <tr>
              <TH>{t("columns.code")}</TH>
              <TH>{t("columns.name")}</TH>
              <TH className="text-right">{t("columns.onHand")}</TH>
              <TH className="text-right">{t("columns.unitCost")}</TH>
              <TH>{t("columns.status")}</TH>
            </tr>
          </THead>
          <TBody>
            {page.items.map((p) => (
              <TR key={p.id}>
                <TD className="font-medium whitespace-nowrap">
                  <Link href={`${base}/parts/${p.id}`} className="text-brand-700 hover:underline">
                    {p.code}
                  </Link>
                </TD>
                <TD className="min-w-48">{p.name}</TD>
                <TD className="text-right whitespace-nowrap tabular-nums">
                  {format.number(p.onHand)} {p.unit}
                </TD>
                <TD className="text-right whitespace-nowrap tabular-nums">{format.number(p.unitCost, { style: "currency", currency: tenant.currency })}</TD>
                <TD>
                  {p.belowMinimum ? <Badge tone="danger">{t("belowMinimum")}</Badge> : p.warehouses === 0 ? <Badge>{t("notStocked")}</Badge> : <Badge tone="success">{t("ok")}</Badge>}
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <Pager cursor={cursor} nextCursor={page.nextCursor} href={(c) => `${base}?${new URLSearchParams({ ...(q ? { q } : {}), ...(c ? { cursor: c } : {}) })}`} />
    </>
  );
}
