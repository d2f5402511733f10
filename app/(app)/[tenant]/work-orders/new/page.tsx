import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { WorkOrderForm } from "@/components/work-orders/work-order-form";
import { listWorkOrderOptions } from "@/lib/data/work-orders";
import { can, requireTenant } from "@/lib/tenancy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("woForm");
  return { title: t("newTitle") };
}

export default async function NewWorkOrderPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireTenant(slug);
  if (!can(access, "workorders", "create")) notFound();
  const [t, options] = await Promise.all([getTranslations("woForm"), listWorkOrderOptions(access)]);
  const base = `/${tenant.slug}/work-orders`;

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("newTitle")} />
      <WorkOrderForm
        mode="create"
        slug={tenant.slug}
        cancelHref={base}
        initial={{ title: "", description: "", type: "corrective", priority: "3", assetId: "", locationId: "", dueAt: "", estimatedHours: "" }}
        assets={options.assets.map((a) => ({ id: a.id, label: `${a.code} · ${a.name}` }))}
        locations={options.locations.map((l) => ({ id: l.id, label: `${l.code} · ${l.name}` }))}
        people={options.people.map((p) => ({ id: p.id, label: p.name }))}
      />
    </div>
  );
}
