import type { Metadata } from "next";
import type { Messages } from "next-intl";
import { getFormatter, getNow, getTranslations } from "next-intl/server";
import { DashboardFilters } from "@/components/dashboard/filters";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { getDashboard } from "@/lib/kpi";
import { listScopeLocations } from "@/lib/kpi/locations";
import { presetRange } from "@/lib/kpi/period";
import { can, requireTenant } from "@/lib/tenancy";
import { BUILT_IN_ROLES } from "@/lib/tenancy/permissions";
import { dashboardSearch } from "@/lib/validation/kpi";

function isBuiltInRole(key: string | null): key is keyof Messages["roles"] {
  return key !== null && Object.hasOwn(BUILT_IN_ROLES, key);
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav");
  return { title: t("dashboard") };
}

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { tenant: slug } = await params;
  const { tenant, user, role, access } = await requireTenant(slug);
  const [t, tRoles, format, now] = await Promise.all([getTranslations("dashboard"), getTranslations("roles"), getFormatter(), getNow()]);
  // Built-in roles are named in the reader's language; a tenant's own roles keep the name the admin gave them.
  const roleName = isBuiltInRole(role.builtIn) ? tRoles(role.builtIn) : role.name;
  const header = (
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
    </>
  );
  if (!can(access, "metrics", "view")) {
    return (
      <>
        {header}
        <Card>
          <CardBody>
            <p className="text-sm text-zinc-600">{t("noMetrics")}</p>
          </CardBody>
        </Card>
      </>
    );
  }

  const sp = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const search = dashboardSearch.parse({ period: first(sp.period), from: first(sp.from), to: first(sp.to), location: first(sp.location) });
  const custom = search.from && search.to && search.from <= search.to ? { from: search.from, to: search.to } : undefined;
  const locations = await listScopeLocations(access);
  // An unknown (or another tenant's) location in the URL falls back to all locations.
  const location = locations.some((l) => l.id === search.location) ? search.location : undefined;
  const query = { ...(custom ?? presetRange(search.period, now.getTime(), tenant.timezone)), ...(location ? { locationId: location } : {}) };
  const data = await getDashboard(access, query, now);

  return (
    <>
      {header}
      <DashboardFilters period={custom ? "custom" : search.period} custom={custom} location={location} locations={locations} />
      <DashboardView
        slug={slug}
        range={query}
        locationName={locations.find((l) => l.id === location)?.name}
        kpis={data.report}
        trends={data.months}
        ranking={data.ranking}
        pareto={data.pareto}
        breakdown={data.breakdown}
        canSeeAssets={can(access, "assets", "view")}
      />
    </>
  );
}
