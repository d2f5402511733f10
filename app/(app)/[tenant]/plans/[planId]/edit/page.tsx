import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getNow, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { PlanForm } from "@/components/plans/plan-form";
import { toDraft } from "@/components/plans/trigger-draft";
import { localDate } from "@/lib/data/plans-calendar";
import { getPlan, planFormOptions } from "@/lib/data/plans";
import { can, requireTenant } from "@/lib/tenancy";
import { orNotFound } from "@/app/(app)/[tenant]/assets/params";
import { updatePlanAction } from "@/app/(app)/[tenant]/plans/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plans.detail");
  return { title: t("edit") };
}

export default async function EditPlanPage({ params }: { params: Promise<{ tenant: string; planId: string }> }) {
  const { tenant: slug, planId } = await params;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "plans", "edit")) notFound();
  const [plan, options, t, now] = await Promise.all([orNotFound(getPlan(access, planId)), planFormOptions(access), getTranslations("plans"), getNow()]);
  const tz = tenant.timezone;
  return (
    <>
      <TitleBar
        title={t("editTitle", { code: plan.code })}
        crumbs={[
          { href: `/${slug}/plans`, label: t("crumb") },
          { href: `/${slug}/plans/${plan.id}`, label: plan.code },
        ]}
      />
      <PlanForm
        slug={slug}
        options={options}
        timeZone={tz}
        today={localDate(now.getTime(), tz)}
        action={updatePlanAction}
        initial={{
          id: plan.id,
          code: plan.code,
          name: plan.name,
          description: plan.description ?? "",
          assetId: plan.asset?.id ?? "",
          workOrderType: plan.workOrderType,
          priority: plan.priority,
          estimatedHours: plan.estimatedHours === null ? "" : String(plan.estimatedHours),
          active: plan.active,
          tasks: plan.tasks.map((task) => task.description),
          triggers: plan.triggers.map((tr) => toDraft(tr, tz)),
        }}
      />
    </>
  );
}
