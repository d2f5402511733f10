import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { loadWorkOrder } from "@/components/work-orders/load";
import { WorkOrderForm } from "@/components/work-orders/work-order-form";
import { listWorkOrderOptions } from "@/lib/data/work-orders";
import { can, requireTenant } from "@/lib/tenancy";
import { localDay } from "@/lib/validation/work-order-dates";

type Params = Promise<{ tenant: string; ref: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, ref } = await params;
  const [t, wo] = await Promise.all([getTranslations("woForm"), loadWorkOrder((await requireTenant(tenant)).access, ref)]);
  return { title: t("editTitle", { code: wo.code }) };
}

export default async function EditWorkOrderPage({ params }: { params: Params }) {
  const { tenant: slug, ref } = await params;
  const { tenant, access } = await requireTenant(slug);
  if (!can(access, "workorders", "edit")) notFound();
  const wo = await loadWorkOrder(access, ref);
  const detail = `/${tenant.slug}/work-orders/${encodeURIComponent(wo.code)}`;
  // Closed work orders are read-only: their page shows why.
  if (wo.status === "completed" || wo.status === "cancelled") redirect(detail);
  const [t, places] = await Promise.all([getTranslations("woForm"), listWorkOrderOptions(access)]);

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("editTitle", { code: wo.code })} description={wo.title} />
      <WorkOrderForm
        mode="edit"
        slug={tenant.slug}
        workOrder={{ id: wo.id, code: wo.code }}
        cancelHref={detail}
        initial={{
          title: wo.title,
          description: wo.description ?? "",
          type: wo.type,
          priority: String(wo.priority),
          assetId: wo.asset?.id ?? "",
          locationId: wo.location?.id ?? "",
          dueAt: wo.dueAt ? localDay(wo.dueAt, tenant.timezone) : "",
          estimatedHours: wo.estimatedHours === null ? "" : String(wo.estimatedHours),
        }}
        assets={places.assets.map((a) => ({ id: a.id, label: `${a.code} · ${a.name}` }))}
        locations={places.locations.map((l) => ({ id: l.id, label: `${l.code} · ${l.name}` }))}
      />
    </div>
  );
}
