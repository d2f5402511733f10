import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { WorkOrderSummary } from "@/lib/data/work-orders";
import { OverdueBadge, PriorityBadge, StatusBadge } from "./badges";

/** A table on wide screens; on a phone the same rows as stacked cards, so nothing scrolls sideways. */
export async function WorkOrderList({ items, base, timeZone }: { items: WorkOrderSummary[]; base: string; timeZone: string }) {
  const [t, tc, format] = await Promise.all([getTranslations("woList"), getTranslations("woCommon"), getFormatter()]);
  const due = (w: WorkOrderSummary) => (w.dueAt ? format.dateTime(w.dueAt, { dateStyle: "medium", timeZone }) : tc("none"));
  const people = (w: WorkOrderSummary) => (w.assignees.length ? w.assignees.map((a) => a.name).join(", ") : tc("unassigned"));
  const href = (w: WorkOrderSummary) => `${base}/${encodeURIComponent(w.code)}`;

  return (
    <>
      <div className="hidden md:block">
        <Table caption={t("caption")} hideCaption>
          <THead>
            <tr>
              <TH>{t("columns.code")}</TH>
              <TH>{t("columns.title")}</TH>
              <TH>{t("columns.status")}</TH>
              <TH>{t("columns.priority")}</TH>
              <TH>{t("columns.type")}</TH>
              <TH>{t("columns.due")}</TH>
              <TH>{t("columns.assignees")}</TH>
            </tr>
          </THead>
          <TBody>
            {items.map((w) => (
              <TR key={w.id}>
                <TD className="font-mono text-xs whitespace-nowrap">
                  <Link href={href(w)} className="font-medium text-brand-800 underline-offset-2 hover:underline">
                    {w.code}
                  </Link>
                </TD>
                <TD className="max-w-md">
                  <Link href={href(w)} className="font-medium text-zinc-900 hover:underline" tabIndex={-1}>
                    {w.title}
                  </Link>
                  {(w.asset || w.location) && (
                    <p className="truncate text-xs text-zinc-500">{w.asset ? `${w.asset.code} · ${w.asset.name}` : w.location?.name}</p>
                  )}
                </TD>
                <TD>
                  <StatusBadge status={w.status} />
                </TD>
                <TD>
                  <PriorityBadge priority={w.priority} />
                </TD>
                <TD className="whitespace-nowrap">{tc(`type.${w.type}`)}</TD>
                <TD className="whitespace-nowrap">
                  <span className="flex flex-col items-start gap-1">
                    {due(w)}
                    {w.overdue && <OverdueBadge />}
                  </span>
                </TD>
                <TD className="text-zinc-600">{people(w)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </div>

      <ul className="flex flex-col gap-3 md:hidden" aria-label={t("caption")}>
        {items.map((w) => (
          <li key={w.id}>
            <Link href={href(w)} className="block rounded-lg border border-zinc-200 bg-white p-4 shadow-sm hover:border-brand-300">
              <span className="flex items-center justify-between gap-2">
                <span className="font-mono text-xs font-medium text-brand-800">{w.code}</span>
                <StatusBadge status={w.status} />
              </span>
              <span className="mt-1 block font-medium text-zinc-900">{w.title}</span>
              {w.asset && <span className="block truncate text-xs text-zinc-500">{`${w.asset.code} · ${w.asset.name}`}</span>}
              <span className="mt-2 flex flex-wrap items-center gap-2 text-xs text-zinc-600">
                <PriorityBadge priority={w.priority} />
                <span>{tc(`type.${w.type}`)}</span>
                <span aria-hidden="true">·</span>
                <span>
                  {t("columns.due")}: {due(w)}
                </span>
                {w.overdue && <OverdueBadge />}
              </span>
              <span className="mt-1 block text-xs text-zinc-500">{people(w)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
