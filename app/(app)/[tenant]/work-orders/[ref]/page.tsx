import type { Metadata } from "next";
import { loadWorkOrder } from "@/components/work-orders/load";
import { WorkOrderView } from "@/components/work-orders/work-order-view";
import { requireTenant } from "@/lib/tenancy";

type Params = Promise<{ tenant: string; ref: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, ref } = await params;
  const wo = await loadWorkOrder((await requireTenant(tenant)).access, ref);
  return { title: `${wo.code} · ${wo.title}` };
}

export default async function WorkOrderPage({ params }: { params: Params }) {
  const { tenant, ref } = await params;
  const ctx = await requireTenant(tenant);
  return <WorkOrderView ctx={ctx} wo={await loadWorkOrder(ctx.access, ref)} />;
}
