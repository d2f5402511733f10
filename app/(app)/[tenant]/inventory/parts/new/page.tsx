import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { PartForm } from "@/components/inventory/part-form";
import { Card, CardBody } from "@/components/ui/card";
import { can, requireTenant } from "@/lib/tenancy";
import { createPartAction } from "@/app/(app)/[tenant]/inventory/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inventory");
  return { title: t("newPart") };
}

export default async function NewPartPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { access } = await requireTenant(slug);
  if (!can(access, "inventory", "create")) notFound();
  const t = await getTranslations("inventory");
  return (
    <>
      <TitleBar title={t("newPart")} crumbs={[{ href: `/${slug}/inventory`, label: t("crumb") }]} />
      <Card className="max-w-2xl">
        <CardBody>
          <PartForm slug={slug} action={createPartAction} initial={{ code: "", name: "", unit: "pcs", unitCost: "" }} />
        </CardBody>
      </Card>
    </>
  );
}
