import type { ReactNode } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TitleBar } from "@/components/assets/title-bar";
import { RequestStatusBadge, UrgentBadge } from "@/components/requests/status-badge";
import { CancelRequest, TriageActions } from "@/components/requests/triage-actions";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getRequest } from "@/lib/data/requests";
import { can, requireTenant } from "@/lib/tenancy";
import { defaultWorkOrderTitle } from "@/lib/validation/request";
import { orNotFound } from "../../assets/params";
import { approveRequestAction, cancelRequestAction, rejectRequestAction } from "../actions";

type Props = { params: Promise<{ tenant: string; requestId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { tenant, requestId } = await params;
  const { access } = await requireTenant(tenant);
  if (!can(access, "requests", "view")) return {};
  const request = await getRequest(access, requestId).catch(() => null);
  return { title: request?.code };
}

export default async function RequestPage({ params }: Props) {
  const { tenant: slug, requestId } = await params;
  const { access, tenant, user } = await requireTenant(slug);
  if (!can(access, "requests", "view")) notFound();
  const r = await orNotFound(getRequest(access, requestId));
  const [t, tNav, format] = await Promise.all([getTranslations("requestDetail"), getTranslations("nav"), getFormatter()]);
  const canTriage = r.status === "open" && can(access, "requests", "edit") && can(access, "workorders", "create");
  const canCancel = r.status === "open" && r.requester.id === user.id && can(access, "requests", "create");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timezone });

  const rows: [string, ReactNode][] = [
    [t("requester"), r.requester.name],
    [t("filed"), when(r.createdAt)],
    [
      t("asset"),
      r.asset &&
        (can(access, "assets", "view") ? (
          <Link href={`/${slug}/assets/${r.asset.id}`} className="text-brand-700 hover:underline">
            {r.asset.code} {r.asset.name}
          </Link>
        ) : (
          `${r.asset.code} ${r.asset.name}`
        )),
    ],
    [t("location"), r.location?.name],
    [t("updated"), when(r.updatedAt)],
  ];

  return (
    <>
      <TitleBar
        title={t("title", { code: r.code })}
        crumbs={[{ href: `/${slug}/requests`, label: tNav("requests") }]}
        badges={
          <>
            <RequestStatusBadge status={r.status} />
            {r.urgent && <UrgentBadge />}
          </>
        }
        actions={
          <>
            {canTriage && (
              <TriageActions
                slug={slug}
                request={{ id: r.id, code: r.code, urgent: r.urgent, title: defaultWorkOrderTitle(r.description), assetName: r.asset?.name ?? null }}
                approve={approveRequestAction}
                reject={rejectRequestAction}
              />
            )}
            {canCancel && <CancelRequest slug={slug} request={{ id: r.id, code: r.code }} action={cancelRequestAction} />}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader title={t("description")} />
            <CardBody>
              <p className="text-sm break-words whitespace-pre-wrap text-zinc-900">{r.description}</p>
            </CardBody>
          </Card>
          <Card>
            <CardHeader title={t("outcome")} />
            <CardBody className="text-sm text-zinc-800">
              {r.status === "open" && <p>{t("waiting")}</p>}
              {r.status === "approved" && r.workOrder && (
                <p>
                  {t("approvedInto")}{" "}
                  {can(access, "workorders", "view") ? (
                    <Link href={`/${slug}/work-orders/${r.workOrder.id}`} className="font-mono font-medium text-brand-700 hover:underline">
                      {r.workOrder.code}
                    </Link>
                  ) : (
                    <span className="font-mono font-medium">{r.workOrder.code}</span>
                  )}
                </p>
              )}
              {r.status === "rejected" && <p>{t("rejectedBecause", { reason: r.rejectionReason ?? "—" })}</p>}
              {r.status === "cancelled" && <p>{t("cancelledByRequester")}</p>}
            </CardBody>
          </Card>
        </div>
        <Card>
          <CardHeader title={t("details")} />
          <CardBody>
            <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-zinc-500">{label}</dt>
                  <dd className="break-words text-zinc-900">{value || <span className="text-zinc-400">—</span>}</dd>
                </div>
              ))}
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
