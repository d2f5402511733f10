import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { listWorkOrderOptions, type WorkOrderDetail } from "@/lib/data/work-orders";
import { can, type TenantContext } from "@/lib/tenancy";
import { AssigneesCard } from "./assignees-card";
import { OverdueBadge, PriorityBadge, StatusBadge } from "./badges";
import { ChecklistCard } from "./checklist-card";
import { CommentsCard } from "./comments-card";
import { CostCard, DetailsCard } from "./details-card";
import { FailureCard } from "./failure-card";
import { HistoryCard } from "./history-card";
import { PartsCard } from "./parts-card";
import { StatusActions } from "./status-actions";
import { TasksCard } from "./tasks-card";
import { TimeCard } from "./time-card";

/**
 * The work order page. What may be changed is decided here once: a user without the edit right, or any
 * user on a completed or cancelled work order, gets no controls at all (the server refuses such edits too).
 */
export async function WorkOrderView({ ctx, wo }: { ctx: TenantContext; wo: WorkOrderDetail }) {
  const { tenant, access, user } = ctx;
  const final = wo.status === "completed" || wo.status === "cancelled";
  const mayEdit = can(access, "workorders", "edit");
  const editable = mayEdit && !final;
  const canComment = mayEdit && wo.status !== "completed";
  const [t, tc, format, options] = await Promise.all([
    getTranslations("woDetail"),
    getTranslations("woCommon"),
    getFormatter(),
    editable ? listWorkOrderOptions(access, { places: false, stock: true }) : null,
  ]);
  const people = options?.people ?? null;
  const stock = options?.stock ?? null;
  const base = `/${tenant.slug}/work-orders`;
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timezone });
  const money = (n: number) => format.number(n, { style: "currency", currency: tenant.currency });
  const amount = (n: number) => format.number(n, { maximumFractionDigits: 2 });

  return (
    <>
      <Link href={base} className="mb-3 inline-block text-sm font-medium text-brand-800 underline-offset-2 hover:underline">
        ← {tc("backToList")}
      </Link>
      <div className="mb-6">
        <p className="font-mono text-sm text-zinc-500">{wo.code}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-zinc-900">{wo.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <StatusBadge status={wo.status} />
          <PriorityBadge priority={wo.priority} />
          <span className="text-sm text-zinc-600">{tc(`type.${wo.type}`)}</span>
          {wo.overdue && <OverdueBadge />}
        </div>
        {editable && (
          <div className="mt-4">
            <StatusActions slug={tenant.slug} workOrder={{ id: wo.id, code: wo.code, status: wo.status }} allowed={wo.allowedTransitions}>
              <Link href={`${base}/${encodeURIComponent(wo.code)}/edit`} className={buttonClasses({ variant: "secondary" })}>
                {t("edit")}
              </Link>
            </StatusActions>
          </div>
        )}
      </div>

      {wo.status === "completed" && (
        <p role="status" className="mb-6 rounded-md border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {t("completedBanner", { date: wo.completedAt ? when(wo.completedAt) : "" })}
        </p>
      )}
      {wo.status === "cancelled" && (
        <p role="status" className="mb-6 rounded-md border border-zinc-200 bg-zinc-100 px-4 py-3 text-sm text-zinc-800">
          {t("cancelledBanner")}
        </p>
      )}
      {!mayEdit && !final && (
        <p className="mb-6 rounded-md border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">{t("readOnlyBanner")}</p>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <Card>
            <CardHeader title={t("description")} />
            <CardBody className="pt-3">
              <p className="text-sm whitespace-pre-line text-zinc-800">{wo.description || t("noDescription")}</p>
            </CardBody>
          </Card>
          <TasksCard slug={tenant.slug} workOrderId={wo.id} tasks={wo.tasks} editable={editable} />
          <ChecklistCard slug={tenant.slug} workOrderId={wo.id} items={wo.checklist} editable={editable} />
          <FailureCard slug={tenant.slug} workOrderId={wo.id} cause={wo.failureCause} tasks={wo.tasks} editable={editable} />
          <TimeCard
            slug={tenant.slug}
            workOrderId={wo.id}
            me={user.id}
            people={people?.map((p) => ({ id: p.id, name: p.name })) ?? null}
            rows={wo.timeEntries.map((e) => ({
              id: e.id,
              who: e.user.name,
              when: when(e.startedAt),
              minutes: e.minutes,
              rate: money(e.rate),
              cost: money(e.cost),
            }))}
          />
          <PartsCard
            slug={tenant.slug}
            workOrderId={wo.id}
            stock={
              stock?.map((s) => ({
                partId: s.part.id,
                warehouseId: s.warehouse.id,
                label: t("partOption", { code: s.part.code, name: s.part.name, warehouse: s.warehouse.code, quantity: amount(s.quantity), unit: s.part.unit }),
              })) ?? null
            }
            rows={wo.partsUsed.map((p) => ({
              id: p.id,
              part: `${p.part.code} · ${p.part.name}`,
              warehouse: p.warehouse?.code ?? tc("none"),
              quantity: `${amount(p.quantity)} ${p.part.unit}`,
              unitCost: money(p.unitCost),
              cost: money(p.cost),
            }))}
          />
          <CommentsCard
            slug={tenant.slug}
            workOrderId={wo.id}
            canComment={canComment}
            comments={wo.comments.map((c) => ({ id: c.id, author: c.author?.name ?? null, at: when(c.createdAt), body: c.body }))}
          />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <DetailsCard wo={wo} timeZone={tenant.timezone} />
          <AssigneesCard
            slug={tenant.slug}
            workOrder={{ id: wo.id, code: wo.code }}
            assignees={wo.assignees}
            people={people}
          />
          <CostCard totals={wo.totals} currency={tenant.currency} />
          <HistoryCard history={wo.history} timeZone={tenant.timezone} />
        </div>
      </div>
    </>
  );
}
