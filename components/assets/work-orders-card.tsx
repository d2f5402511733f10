import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AssetWorkOrder } from "@/lib/data/assets-history";

const STATUS_TONES: Record<string, BadgeTone> = {
  open: "info",
  in_progress: "brand",
  on_hold: "warning",
  in_review: "info",
  completed: "success",
  cancelled: "neutral",
};

/** Open work orders (by priority) and past ones (newest first, paged) on this asset. */
export function WorkOrdersCard({
  slug,
  open,
  past,
  pastNextHref,
  pastFirstHref,
  timeZone,
}: {
  slug: string;
  open: AssetWorkOrder[];
  past: AssetWorkOrder[];
  pastNextHref: string | null;
  pastFirstHref: string | null;
  timeZone: string;
}) {
  const t = useTranslations("assetDetail");
  return (
    <Card>
      <CardHeader title={t("workOrders")} />
      <CardBody className="flex flex-col gap-5">
        <section>
          <h3 className="mb-2 text-sm font-semibold text-zinc-900">{t("openWorkOrders", { count: open.length })}</h3>
          {open.length ? <WorkOrderTable slug={slug} rows={open} caption={t("openWorkOrdersCaption")} dateKind="due" timeZone={timeZone} /> : <p className="text-sm text-zinc-500">{t("noOpenWorkOrders")}</p>}
        </section>
        <section>
          <h3 className="mb-2 text-sm font-semibold text-zinc-900">{t("pastWorkOrders")}</h3>
          {past.length ? (
            <WorkOrderTable slug={slug} rows={past} caption={t("pastWorkOrders")} dateKind="completed" timeZone={timeZone} />
          ) : (
            <p className="text-sm text-zinc-500">{t("noPastWorkOrders")}</p>
          )}
          {(pastNextHref || pastFirstHref) && (
            <div className="mt-3 flex justify-between">
              {pastFirstHref ? (
                <Link href={pastFirstHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  {t("newest")}
                </Link>
              ) : (
                <span />
              )}
              {pastNextHref && (
                <Link href={pastNextHref} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                  {t("older")}
                </Link>
              )}
            </div>
          )}
        </section>
      </CardBody>
    </Card>
  );
}

function WorkOrderTable({ slug, rows, caption, dateKind, timeZone }: { slug: string; rows: AssetWorkOrder[]; caption: string; dateKind: "due" | "completed"; timeZone: string }) {
  const t = useTranslations("assetDetail");
  const tStatus = useTranslations("assetShared.woStatus");
  const format = useFormatter();
  return (
    <Table caption={caption} hideCaption>
      <THead>
        <tr>
          <TH>{t("colWorkOrder")}</TH>
          <TH className="hidden sm:table-cell">{t("colPriority")}</TH>
          <TH>{t("colStatus")}</TH>
          <TH className="hidden sm:table-cell">{dateKind === "due" ? t("colDue") : t("colCompleted")}</TH>
        </tr>
      </THead>
      <TBody>
        {rows.map((w) => {
          const date = dateKind === "due" ? w.dueAt : (w.completedAt ?? w.createdAt);
          return (
            <TR key={w.id}>
              <TD>
                <Link href={`/${slug}/work-orders/${w.id}`} className="font-mono text-xs text-brand-700 hover:underline">
                  {w.code}
                </Link>
                <div className="text-zinc-900">{w.title}</div>
              </TD>
              <TD className="hidden sm:table-cell">{t("priority", { value: w.priority })}</TD>
              <TD>
                <Badge tone={STATUS_TONES[w.status]}>{tStatus(w.status)}</Badge>
              </TD>
              <TD className="hidden whitespace-nowrap sm:table-cell">{date ? format.dateTime(date, { dateStyle: "medium", timeZone }) : "—"}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
