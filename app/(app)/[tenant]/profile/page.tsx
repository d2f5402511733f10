import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { RevokeButton } from "@/components/settings/revoke-button";
import { ScopeList } from "@/components/settings/scope-list";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { listOwnAuthorizations } from "@/lib/data/consumer-admin";
import { requireTenant } from "@/lib/tenancy";
import { roleLabel } from "../settings/roles/role-label";
import { revokeConnectedApp } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("profile");
  return { title: t("title") };
}

/** Every member's own page: who they are here, and the apps (ChatGPT, Claude, …) they let act for them. */
export default async function ProfilePage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, user, role, access } = await requireTenant(slug);
  const [apps, t, format, label] = await Promise.all([listOwnAuthorizations(access), getTranslations("profile"), getFormatter(), roleLabel()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timezone }) : t("never"));

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { tenant: tenant.name })} />
      <div className="flex max-w-4xl flex-col gap-6">
        <Card>
          <CardHeader title={t("accountTitle")} />
          <CardBody>
            <dl className="grid gap-4 text-sm sm:grid-cols-3">
              <div>
                <dt className="text-zinc-500">{t("name")}</dt>
                <dd className="mt-0.5 font-medium text-zinc-900">{user.name}</dd>
              </div>
              <div className="min-w-0">
                <dt className="text-zinc-500">{t("email")}</dt>
                <dd className="mt-0.5 font-medium break-all text-zinc-900">{user.email}</dd>
              </div>
              <div>
                <dt className="text-zinc-500">{t("role")}</dt>
                <dd className="mt-0.5 font-medium text-zinc-900">{label(role)}</dd>
              </div>
            </dl>
          </CardBody>
        </Card>
        <section aria-labelledby="connected-apps" className="flex flex-col gap-3">
          <div>
            <h2 id="connected-apps" className="text-lg font-semibold text-zinc-900">
              {t("appsTitle")}
            </h2>
            <p className="mt-1 text-sm text-zinc-600">{t("appsDescription")}</p>
          </div>
          {apps.length === 0 ? (
            <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
          ) : (
            <ul className="flex flex-col gap-3">
              {apps.map((a) => (
                <li key={a.id}>
                  <Card>
                    <CardBody className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                      <div className="flex min-w-0 flex-col gap-2">
                        <h3 className="font-semibold text-zinc-900">{a.consumer.name}</h3>
                        <ScopeList scopes={a.scopes} />
                        <p className="text-xs text-zinc-500">
                          {t("granted", { date: when(a.createdAt) })} · {t("lastUsed", { date: when(a.lastUsedAt) })}
                        </p>
                      </div>
                      <RevokeButton slug={tenant.slug} id={a.id} consumer={a.consumer.name} action={revokeConnectedApp} />
                    </CardBody>
                  </Card>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
