import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { DeletePlan } from "@/components/plans/delete-plan";
import { OccurrenceStatus } from "@/components/plans/occurrence-status";
import { TriggerSummary } from "@/components/plans/trigger-summary";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getPlan } from "@/lib/data/plans";
import { can, requireTenant } from "@/lib/tenancy";
import { orNotFound } from "@/app/(app)/[tenant]/assets/params";
import { deletePlanAction } from "@/app/(app)/[tenant]/plans/actions";

type Params = Promise<{ tenant: string; planId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { tenant, planId } = await params;
  const { access } = await requireTenant(tenant);
  if (!can(access, "plans", "view")) return {};
  const plan = await orNotFound(getPlan(access, planId));
  return { title: `${plan.code} ${plan.name}` };
}

export default async function PlanPage({ params }: { params: Params }) {
  const { tenant: slug, planId } = await params;
  const { access, tenant } = await requireTenant(slug);
  if (!can(access, "plans", "view")) notFound();
  const now = await getNow();
  const [plan, t, tForm, format] = await Promise.all([orNotFound(getPlan(access, planId, now)), getTranslations("plans"), getTranslations("planForm"), getFormatter()]);
  const tz = tenant.timezone;
  const date = (d: Date | null, withTime = false) => (d ? format.dateTime(d, { dateStyle: "medium", ...(withTime ? { timeStyle: "short" } : {}), timeZone: tz }) : "—");
  const woLink = (wo: { code: string }) =>
    can(access, "workorders", "view") ? (
      <Link href={`/${slug}/work-orders/${wo.code}`} className="text-brand-700 hover:underline">
        {wo.code}
      </Link>
    ) : (
      wo.code
    );

  return (
    <>
      <TitleBar
        title={`${plan.code} · ${plan.name}`}
        crumbs={[{ href: `/${slug}/plans`, label: t("crumb") }]}
        badges={plan.active ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("inactive")}</Badge>}
        description={plan.description}
        actions={
          <>
            {can(access, "plans", "edit") && (
              <Link href={`/${slug}/plans/${plan.id}/edit`} className={buttonClasses({ variant: "secondary" })}>
                {t("detail.edit")}
              </Link>
            )}
            {can(access, "plans", "delete") && <DeletePlan slug={slug} plan={plan} action={deletePlanAction} />}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-label={t("detail.about")}>
          <CardHeader title={t("detail.about")} />
          <CardBody>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-zinc-500">{tForm("asset")}</dt>
              <dd>{plan.asset ? `${plan.asset.code} — ${plan.asset.name}` : t("detail.noAsset")}</dd>
              <dt className="text-zinc-500">{tForm("type")}</dt>
              <dd>{tForm(`types.${plan.workOrderType}`)}</dd>
              <dt className="text-zinc-500">{tForm("priority")}</dt>
              <dd>{tForm(`priorities.${plan.priority}` as "priorities.1")}</dd>
              <dt className="text-zinc-500">{tForm("estimatedHours")}</dt>
              <dd>{plan.estimatedHours === null ? "—" : format.number(plan.estimatedHours)}</dd>
              <dt className="text-zinc-500">{tForm("triggers")}</dt>
              <dd>
                <ul className="flex flex-col gap-1">
                  {plan.triggers.map((tr) => (
                    <li key={tr.id}>
                      <TriggerSummary trigger={tr} timeZone={tz} withStart />
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
          </CardBody>
        </Card>
        <Card aria-label={tForm("tasks")}>
          <CardHeader title={tForm("tasks")} />
          <CardBody>
            {plan.tasks.length === 0 ? (
              <p className="text-sm text-zinc-500">{tForm("noTasks")}</p>
            ) : (
              <ol className="list-decimal space-y-1 pl-5 text-sm">
                {plan.tasks.map((task) => (
                  <li key={task.id}>{task.description}</li>
                ))}
              </ol>
            )}
          </CardBody>
        </Card>
        <Card aria-label={t("detail.upcoming")}>
          <CardHeader title={t("detail.upcoming")} description={t("detail.upcomingHint")} />
          <CardBody>
            {plan.occurrences.length === 0 ? (
              <p className="text-sm text-zinc-500">{t("detail.noUpcoming")}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 text-sm" aria-label={t("detail.upcoming")}>
                {plan.occurrences.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <time dateTime={o.dueAt.toISOString()}>{date(o.dueAt, true)}</time>
                    <span className="flex items-center gap-2">
                      {o.workOrder && woLink(o.workOrder)}
                      <OccurrenceStatus status={o.status} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
        <Card aria-label={t("detail.workOrders")}>
          <CardHeader title={t("detail.workOrders")} />
          <CardBody>
            {plan.workOrders.length === 0 ? (
              <p className="text-sm text-zinc-500">{t("detail.noWorkOrders")}</p>
            ) : (
              <ul className="divide-y divide-zinc-100 text-sm">
                {plan.workOrders.map((w) => (
                  <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    {woLink(w)}
                    <span className="text-zinc-600">
                      {w.completedAt ? t("detail.completedOn", { date: date(w.completedAt) }) : t("detail.dueOn", { date: date(w.dueAt) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
