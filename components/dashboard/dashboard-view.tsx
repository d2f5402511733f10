import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { KpiKey, KpiReport } from "@/lib/kpi";
import { BarList } from "./bar-list";
import type { TrendPoint } from "@/lib/kpi/trends";
import { CostChart, DowntimeChart, ParetoChart, WorkOrderChart } from "./charts";
import { KpiCard } from "./kpi-card";

type Ranking = { assetId: string; code: string; name: string; unplannedHours: number; plannedHours: number; failures: number }[];
type Pareto = { total: number; causes: { cause: string; failures: number; cumulativeShare: number }[] };
type Breakdown = { byStatus: { status: string; count: number }[]; byPriority: { priority: number; count: number }[] };

const STATUSES = ["open", "in_progress", "on_hold", "in_review", "completed", "cancelled"] as const;
const STATUS_TONES: Record<string, string> = { open: "bg-sky-500", in_progress: "bg-brand-600", on_hold: "bg-amber-500", in_review: "bg-violet-500", completed: "bg-emerald-600", cancelled: "bg-zinc-400" };

export function DashboardView({
  slug,
  range,
  locationName,
  kpis,
  trends,
  ranking,
  pareto,
  breakdown,
  canSeeAssets,
}: {
  slug: string;
  range: { from: string; to: string };
  locationName?: string;
  kpis: KpiReport;
  trends: TrendPoint[];
  ranking: Ranking;
  pareto: Pareto;
  breakdown: Breakdown;
  canSeeAssets: boolean;
}) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const value = (key: KpiKey) => kpis.kpis.find((k) => k.key === key)!;
  const n = (v: number, digits = 1) => format.number(v, { maximumFractionDigits: digits });
  const pct = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 1 });
  const money = (v: number) => format.number(v, { style: "currency", currency: kpis.currency });
  const none = (
    <span className="text-zinc-400">
      —<span className="sr-only">{t("noData")}</span>
    </span>
  );
  const shown = (key: KpiKey, render: (v: number) => string) => {
    const v = value(key).value;
    return v === null ? none : render(v);
  };
  const i = kpis.inputs;
  const cards: { key: KpiKey; display: React.ReactNode; caption: React.ReactNode }[] = [
    { key: "mttr", display: shown("mttr", (v) => t("units.hours", { value: n(v) })), caption: t("captions.mttr", { count: i.restoredFailures }) },
    { key: "mtbf", display: shown("mtbf", (v) => t("units.hours", { value: n(v, 0) })), caption: t("captions.mtbf", { count: i.failures }) },
    { key: "availability", display: shown("availability", pct), caption: t("captions.availability", { hours: n(i.unplannedDowntimeHours) }) },
    { key: "pmCompliance", display: shown("pmCompliance", pct), caption: t("captions.pmCompliance", { onTime: i.pmOnTime, due: i.pmDue }) },
    { key: "plannedPercent", display: shown("plannedPercent", pct), caption: t("captions.plannedPercent", { planned: n(i.plannedHours), total: n(i.labourHours) }) },
    { key: "backlogWeeks", display: shown("backlogWeeks", (v) => t("units.weeks", { value: n(v) })), caption: t("captions.backlogWeeks", { hours: n(i.openEstimatedHours) }) },
    { key: "openWorkOrders", display: format.number(i.openWorkOrders), caption: t("captions.asOfNow") },
    { key: "overdueWorkOrders", display: format.number(i.overdueWorkOrders), caption: t("captions.asOfNow") },
    { key: "maintenanceCost", display: money(i.labourCost + i.partsCost), caption: t("captions.maintenanceCost", { labour: money(i.labourCost), parts: money(i.partsCost) }) },
  ];
  const causeLabel = (cause: string) => (t.has(`causes.${cause}` as "causes.wear") ? t(`causes.${cause}` as "causes.wear") : cause);
  const statusCount = new Map(breakdown.byStatus.map((s) => [s.status, s.count]));

  return (
    <>
      <p className="mb-4 text-sm text-zinc-600" data-testid="dashboard-range">
        {t("range", { from: day(range.from), to: day(range.to) })}
        {locationName && ` · ${locationName}`}
      </p>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {cards.map((c) => (
          <KpiCard key={c.key} id={c.key} label={t(`kpis.${c.key}.label`)} value={c.display} caption={c.caption} formula={t(`kpis.${c.key}.formula`)} smrp={value(c.key).smrp} />
        ))}
      </div>

      <h2 className="mt-8 mb-3 text-lg font-semibold text-zinc-900">{t("trends.title")}</h2>
      <div className="grid gap-4 xl:grid-cols-3">
        <Card>
          <CardHeader title={t("trends.cost")} />
          <CardBody>
            <CostChart months={trends} currency={kpis.currency} labels={{ labour: t("trends.labour"), parts: t("trends.parts"), summary: t("trends.costSummary", { total: money(i.labourCost + i.partsCost) }) }} />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("trends.workOrders")} />
          <CardBody>
            <WorkOrderChart
              months={trends}
              labels={{
                created: t("trends.created"),
                completed: t("trends.completed"),
                summary: t("trends.workOrdersSummary", { created: trends.reduce((s, m) => s + m.created, 0), completed: trends.reduce((s, m) => s + m.completed, 0) }),
              }}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("trends.downtime")} />
          <CardBody>
            <DowntimeChart
              months={trends}
              labels={{ downtime: t("trends.downtimeHours"), mttr: t("trends.mttr"), summary: t("trends.downtimeSummary", { hours: n(trends.reduce((s, m) => s + m.unplannedDowntimeHours, 0)), failures: i.failures }) }}
            />
          </CardBody>
        </Card>
      </div>

      <div className="mt-8 grid gap-4 xl:grid-cols-2">
        <section aria-labelledby="ranking-title" className="min-w-0">
          <h2 id="ranking-title" className="mb-3 text-lg font-semibold text-zinc-900">
            {t("ranking.title")}
          </h2>
          {ranking.length === 0 ? (
            <p className="rounded-lg border border-dashed border-zinc-300 bg-white p-4 text-sm text-zinc-600">{t("ranking.empty")}</p>
          ) : (
            <Table caption={t("ranking.title")} hideCaption>
              <THead>
                <tr>
                  <TH>{t("ranking.asset")}</TH>
                  <TH className="text-right">{t("ranking.unplanned")}</TH>
                  <TH className="text-right">{t("ranking.planned")}</TH>
                  <TH className="text-right">{t("ranking.failures")}</TH>
                </tr>
              </THead>
              <TBody>
                {ranking.map((a) => (
                  <TR key={a.assetId}>
                    <TD className="min-w-40">
                      {canSeeAssets ? (
                        <Link href={`/${slug}/assets/${a.assetId}`} className="font-medium text-brand-700 hover:underline">
                          {a.code}
                        </Link>
                      ) : (
                        <span className="font-medium">{a.code}</span>
                      )}{" "}
                      <span className="text-zinc-600">{a.name}</span>
                    </TD>
                    <TD className="text-right tabular-nums">{t("units.hours", { value: n(a.unplannedHours) })}</TD>
                    <TD className="text-right tabular-nums">{t("units.hours", { value: n(a.plannedHours) })}</TD>
                    <TD className="text-right tabular-nums">{a.failures}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </section>
        <Card>
          <CardHeader title={t("pareto.title")} description={t("pareto.description", { total: pareto.total })} />
          <CardBody>
            {pareto.total === 0 ? (
              <p className="text-sm text-zinc-600">{t("pareto.empty")}</p>
            ) : (
              <ParetoChart
                causes={pareto.causes.map((c) => ({ ...c, label: causeLabel(c.cause) }))}
                labels={{
                  failures: t("pareto.failures"),
                  cumulative: t("pareto.cumulative"),
                  summary: pareto.causes.map((c) => `${causeLabel(c.cause)}: ${c.failures}`).join(", "),
                }}
              />
            )}
          </CardBody>
        </Card>
      </div>

      <div className="mt-8 grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title={t("byStatus.title")} description={t("byStatus.description")} />
          <CardBody>
            <BarList
              label={t("byStatus.title")}
              items={STATUSES.map((s) => ({ key: s, label: t(`statuses.${s}`), value: statusCount.get(s) ?? 0, display: format.number(statusCount.get(s) ?? 0), tone: STATUS_TONES[s] }))}
            />
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t("byPriority.title")} description={t("byStatus.description")} />
          <CardBody>
            <BarList
              label={t("byPriority.title")}
              items={[1, 2, 3, 4, 5].map((p) => {
                const count = breakdown.byPriority.find((b) => b.priority === p)?.count ?? 0;
                return { key: String(p), label: t(`priorities.${p}` as "priorities.1"), value: count, display: format.number(count) };
              })}
            />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
