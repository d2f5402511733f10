import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getNow, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { PlanForm } from "@/components/plans/plan-form";
import { newTrigger } from "@/components/plans/trigger-draft";
import { localDate } from "@/lib/data/plans-calendar";
import { planFormOptions } from "@/lib/data/plans";
import { can, requireTenant } from "@/lib/tenancy";
import { createPlanAction } from "@/app/(app)/[tenant]/plans/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans");
  return { title: t("newPlan") };
}

export default async function NewPlanPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "plans", "create")) notFound();
  const [options, t, now] = await Promise.all([planFormOptions(access), getTranslations("plans"), getNow()]);
  const today = localDate(now.getTime(), tenant.timezone);
  return (
    <>
      <TitleBar title={t("newPlan")} crumbs={[{ href: `/${slug}/plans`, label: t("crumb") }]} />
      <PlanForm
        slug={slug}
        options={options}
        timeZone={tenant.timezone}
        today={today}
        action={createPlanAction}
        initial={{ code: "", name: "", description: "", assetId: "", workOrderType: "preventive", priority: 3, estimatedHours: "", active: true, tasks: [""], triggers: [newTrigger(today)] }}
      />
    </>
  );
}
