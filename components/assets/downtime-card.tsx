import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { DowntimePeriod, DowntimeSummary } from "@/lib/data/downtime";

/** The last 365 days of downtime in three figures, and the periods themselves, newest first. */
export function DowntimeCard({
  summary,
  periods,
  nextHref,
  firstHref,
  timeZone,
}: {
  summary: DowntimeSummary;
  periods: DowntimePeriod[];
  nextHref: string | null;
  firstHref: string | null;
  timeZone: string;
}) {
  const t = useTranslations("assetDetail");
  const format = useFormatter();
  const hours = (h: number) => t("hours", { value: format.number(h, { maximumFractionDigits: 1 }) });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <Card>
      <CardHeader title={t("downtime")} description={t("downtimeHint")} />
      <CardBody className="flex flex-col gap-4">
        <dl className="grid grid-cols-3 gap-3 text-sm">
          <div>
            <dt className="text-zinc-500">{t("periods")}</dt>
            <dd className="text-lg font-semibold text-zinc-900">{summary.count}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">{t("totalDowntime")}</dt>
            <dd className="text-lg font-semibold text-zinc-900">{hours(summary.hours)}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">{t("unplanned")}</dt>
            <dd className="text-lg font-semibold text-zinc-900">{hours(summary.unplannedHours)}</dd>
          </div>
        </dl>
        {periods.length ? (
          <Table caption={t("downtimePeriods")} hideCaption>
            <THead>
              <tr>
                <TH>{t("colStarted")}</TH>
                <TH>{t("colDuration")}</TH>
                <TH className="hidden sm:table-cell">{t("colKind")}</TH>
                <TH className="hidden md:table-cell">{t("colReason")}</TH>
              </tr>
            </THead>
            <TBody>
              {periods.map((p) => (
                <TR key={p.id}>
                  <TD className="whitespace-nowrap">{when(p.startedAt)}</TD>
                  <TD className="whitespace-nowrap">{p.endedAt ? hours(p.hours) : <Badge tone="danger">{t("ongoing")}</Badge>}</TD>
                  <TD className="hidden sm:table-cell">
                    <Badge tone={p.planned ? "neutral" : "warning"}>{p.planned ? t("planned") : t("unplannedOne")}</Badge>
                  </TD>
                  <TD className="hidden md:table-cell">
                    {p.reason ?? "—"}
                    {p.workOrder && <span className="ml-2 font-mono text-xs text-zinc-500">{p.workOrder.code}</span>}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        ) : (
          <p className="text-sm text-zinc-500">{t("noDowntime")}</p>
        )}
        {(nextHref || firstHref) && (
          <div className="flex justify-between">
            {firstHref ? (
              <Link href={firstHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                {t("newest")}
              </Link>
            ) : (
              <span />
            )}
            {nextHref && (
              <Link href={nextHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                {t("older")}
              </Link>
            )}
          </div>
        )}
      </CardBody>
    </Card>
  );
}
