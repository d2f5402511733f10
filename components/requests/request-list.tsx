import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ServerAction } from "@/components/ui/use-server-action";
import type { WorkRequestRow } from "@/lib/data/requests";
import { defaultWorkOrderTitle } from "@/lib/validation/request";
import { RequestStatusBadge, UrgentBadge } from "./status-badge";
import { TriageActions } from "./triage-actions";

/**
 * Requests as a list of cards (reads well at 375 px): code, status, what and where, who and when, the work
 * order once approved, and for the maintenance team the triage buttons on open ones.
 */
export function RequestList({
  slug,
  items,
  timeZone,
  showRequester,
  triage,
  workOrderLinks,
}: {
  slug: string;
  items: WorkRequestRow[];
  timeZone: string;
  showRequester: boolean;
  triage: { approve: ServerAction<Record<string, unknown>, { workOrderId: string; workOrderCode: string }>; reject: ServerAction<Record<string, unknown>, { code: string }> } | null;
  workOrderLinks: boolean;
}) {
  const t = useTranslations("requestList");
  const format = useFormatter();
  return (
    <ul className="flex flex-col gap-3">
      {items.map((r) => (
        <li key={r.id} className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between">
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/${slug}/requests/${r.id}`} className="font-mono text-sm font-medium text-brand-700 hover:underline">
                {r.code}
              </Link>
              <RequestStatusBadge status={r.status} />
              {r.urgent && <UrgentBadge />}
            </div>
            <p className="mt-1 line-clamp-2 break-words text-sm text-zinc-900">{r.description}</p>
            <p className="mt-1 text-xs text-zinc-500">
              {[r.asset ? `${r.asset.code} ${r.asset.name}` : null, r.location?.name, showRequester ? r.requester.name : null, format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short", timeZone })]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {r.workOrder && (
              <p className="mt-1 text-sm text-zinc-700">
                {t("workOrder")}{" "}
                {workOrderLinks ? (
                  <Link href={`/${slug}/work-orders/${r.workOrder.id}`} className="font-mono text-brand-700 hover:underline">
                    {r.workOrder.code}
                  </Link>
                ) : (
                  <span className="font-mono">{r.workOrder.code}</span>
                )}
              </p>
            )}
            {r.status === "rejected" && r.rejectionReason && <p className="mt-1 text-sm text-zinc-700">{t("rejectedBecause", { reason: r.rejectionReason })}</p>}
          </div>
          {triage && r.status === "open" && (
            <TriageActions
              slug={slug}
              size="sm"
              request={{ id: r.id, code: r.code, urgent: r.urgent, title: defaultWorkOrderTitle(r.description), assetName: r.asset?.name ?? null }}
              approve={triage.approve}
              reject={triage.reject}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
