import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/settings/section-header";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { getUsage } from "@/lib/data/usage";
import { requireSettingsPage } from "../guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.account") };
}

const UNITS = ["byte", "kilobyte", "megabyte", "gigabyte", "terabyte"] as const;

/** 1536 → [1.5, "kilobyte"]: binary steps, as storage is usually shown. */
function scale(n: number): [number, (typeof UNITS)[number]] {
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return [value, UNITS[unit]];
}

export default async function AccountPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [usage, t, format] = await Promise.all([getUsage(access), getTranslations("settings.account"), getFormatter()]);
  const n = (v: number) => format.number(v);
  const figures = [
    { label: t("users"), value: n(usage.members.active), note: t("usersNote", { total: usage.members.total }) },
    { label: t("assets"), value: n(usage.assets) },
    { label: t("workOrders"), value: n(usage.workOrders.total), note: t("workOrdersNote", { open: usage.workOrders.open }) },
    { label: t("requests"), value: n(usage.requests) },
    { label: t("plans"), value: n(usage.plans) },
    { label: t("parts"), value: n(usage.parts) },
    { label: t("consumers"), value: n(usage.consumers), note: t("consumersNote", { authorizations: usage.authorizations }) },
    { label: t("auditRows"), value: n(usage.auditRows) },
  ];
  const size = (v: number) => {
    const [value, unit] = scale(v);
    return format.number(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: unit === "byte" ? 0 : 1 });
  };

  return (
    <>
      <SectionHeader title={t("title")} description={t("description", { name: tenant.name })} />
      <div className="flex flex-col gap-6">
        <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
          {figures.map((f) => (
            <Card key={f.label}>
              <CardBody>
                <dt className="text-sm text-zinc-600">{f.label}</dt>
                <dd className="mt-1 text-2xl font-semibold text-zinc-900 tabular-nums">{f.value}</dd>
                {f.note && <dd className="mt-1 text-xs text-zinc-500">{f.note}</dd>}
              </CardBody>
            </Card>
          ))}
        </dl>
        <Card>
          <CardHeader title={t("storageTitle")} description={t("storageDescription")} />
          <CardBody className="flex flex-col gap-4">
            <p className="text-3xl font-semibold text-zinc-900 tabular-nums">{size(usage.dataBytes)}</p>
            {usage.largestTables.length > 0 && (
              <Table caption={t("largestTables")}>
                <THead>
                  <tr>
                    <TH>{t("table")}</TH>
                    <TH className="text-right">{t("rows")}</TH>
                    <TH className="text-right">{t("size")}</TH>
                  </tr>
                </THead>
                <TBody>
                  {usage.largestTables.map((row) => (
                    <TR key={row.table}>
                      <TD className="font-mono text-xs">{row.table}</TD>
                      <TD className="text-right tabular-nums">{n(row.rows)}</TD>
                      <TD className="text-right tabular-nums">{size(row.bytes)}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
