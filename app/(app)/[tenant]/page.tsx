import type { Metadata } from "next";
import type { Messages } from "next-intl";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { can, requireTenant } from "@/lib/tenancy";
import { BUILT_IN_ROLES } from "@/lib/tenancy/permissions";

const KPIS = ["openWorkOrders", "overdueWorkOrders", "pmCompliance", "availability"] as const;

function isBuiltInRole(key: string | null): key is keyof Messages["roles"] {
  return key !== null && Object.hasOwn(BUILT_IN_ROLES, key);
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("dashboard") };
}

export default async function DashboardPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, user, role, access } = await requireTenant(slug);
  const [t, tRoles, format, now] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("roles"),
    getFormatter(),
    getNow(),
  ]);
  // Built-in roles are named in the reader's language; a tenant's own roles keep the name the admin gave them.
  const roleName = isBuiltInRole(role.builtIn) ? tRoles(role.builtIn) : role.name;

  return (
    <>
      <p className="text-sm text-zinc-500">{format.dateTime(now, { dateStyle: "full", timeZone: tenant.timezone })}</p>
      <PageHeader
        title={tenant.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {t("greeting", { name: user.name })}
            <Badge tone="brand">{roleName}</Badge>
          </span>
        }
      />
      {can(access, "metrics", "view") ? (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {KPIS.map((kpi) => (
            <Card key={kpi} className="flex flex-col">
              <CardHeader title={t(`kpis.${kpi}`)} />
              <CardBody className="mt-auto">
                <p className="text-3xl font-semibold text-zinc-300" aria-hidden="true">
                  —
                </p>
                <p className="mt-2 text-sm text-zinc-500">{t("comingSoon")}</p>
              </CardBody>
            </Card>
          ))}
        </div>
      ) : (
        <Card>
          <CardBody>
            <p className="text-sm text-zinc-600">{t("noMetrics")}</p>
          </CardBody>
        </Card>
      )}
    </>
  );
}
