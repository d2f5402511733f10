import type { ReactNode } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { WorkOrderDetail } from "@/lib/data/work-orders";
import { OverdueBadge, PriorityBadge } from "./badges";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 text-zinc-900">{children}</dd>
    </>
  );
}

export async function DetailsCard({ wo, timeZone }: { wo: WorkOrderDetail; timeZone: string }) {
  const [t, tc, format] = await Promise.all([getTranslations("woDetail"), getTranslations("woCommon"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone }) : tc("none"));
  const place = (p: { code: string; name: string } | null) => (p ? `${p.code} · ${p.name}` : tc("none"));

  return (
    <Card>
      <CardHeader title={t("details")} />
      <CardBody className="pt-3">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <Row label={t("fields.asset")}>{place(wo.asset)}</Row>
          <Row label={t("fields.location")}>{place(wo.location)}</Row>
          <Row label={t("fields.type")}>{tc(`type.${wo.type}`)}</Row>
          <Row label={t("fields.priority")}>
            <PriorityBadge priority={wo.priority} />
          </Row>
          <Row label={t("fields.due")}>
            <span className="flex flex-wrap items-center gap-2">
              {when(wo.dueAt)}
              {wo.overdue && <OverdueBadge />}
            </span>
          </Row>
          <Row label={t("fields.started")}>{when(wo.startedAt)}</Row>
          {wo.completedAt && <Row label={t("fields.completed")}>{when(wo.completedAt)}</Row>}
          <Row label={t("fields.estimate")}>{wo.estimatedHours === null ? tc("none") : t("hours", { hours: wo.estimatedHours })}</Row>
          {wo.plan && <Row label={t("fields.plan")}>{place(wo.plan)}</Row>}
          {wo.request && <Row label={t("fields.request")}>{wo.request.code}</Row>}
          <Row label={t("fields.createdBy")}>{wo.createdBy?.name ?? t("system")}</Row>
          <Row label={t("fields.created")}>{when(wo.createdAt)}</Row>
        </dl>
      </CardBody>
    </Card>
  );
}

export async function CostCard({ totals, currency }: { totals: WorkOrderDetail["totals"]; currency: string }) {
  const [t, format] = await Promise.all([getTranslations("woDetail"), getFormatter()]);
  const money = (n: number) => format.number(n, { style: "currency", currency });
  return (
    <Card>
      <CardHeader title={t("costs")} />
      <CardBody className="pt-3">
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-500">{t("labourCost")}</dt>
          <dd className="text-right text-zinc-900 tabular-nums">{money(totals.labourCost)}</dd>
          <dt className="text-zinc-500">{t("partsCost")}</dt>
          <dd className="text-right text-zinc-900 tabular-nums">{money(totals.partsCost)}</dd>
          <div className="col-span-2 my-1 border-t border-zinc-100" aria-hidden="true" />
          <dt className="font-medium text-zinc-900">{t("totalCost")}</dt>
          <dd className="text-right font-semibold text-zinc-900 tabular-nums">{money(totals.cost)}</dd>
        </dl>
      </CardBody>
    </Card>
  );
}
