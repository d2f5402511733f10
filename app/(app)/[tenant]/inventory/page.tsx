import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { can, requireTenant } from "@/lib/tenancy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("inventory") };
}

export default async function InventoryPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { access } = await requireTenant(tenant);
  if (!can(access, "inventory", "view")) notFound();
  const [tNav, t] = await Promise.all([getTranslations("nav"), getTranslations("inventory")]);

  return (
    <>
      <PageHeader title={tNav("inventory")} description={t("description")} />
      <EmptyState icon={<InboxIcon className="size-6" />} title={t("emptyTitle")} description={t("emptyDescription")} />
    </>
  );
}
