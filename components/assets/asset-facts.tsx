import type { ReactNode } from "react";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { AssetDetail } from "@/lib/data/assets";
import { AssetStatusBadge } from "./status-badge";

/** What the asset is and where it sits. */
export function AssetFacts({ slug, asset, timeZone }: { slug: string; asset: AssetDetail; timeZone: string }) {
  const t = useTranslations("assetDetail");
  const format = useFormatter();
  const rows: [string, ReactNode][] = [
    [t("category"), asset.category],
    [t("manufacturer"), asset.manufacturer],
    [t("model"), asset.model],
    [t("serial"), asset.serial],
    [
      t("location"),
      asset.location && (
        <Link href={`/${slug}/assets?location=${encodeURIComponent(asset.location.id)}`} className="text-brand-700 hover:underline">
          {asset.locationPath.map((l) => l.name).join(" / ")}
        </Link>
      ),
    ],
    [
      t("parent"),
      asset.parent && (
        <Link href={`/${slug}/assets/${asset.parent.id}`} className="text-brand-700 hover:underline">
          {asset.parent.name}
        </Link>
      ),
    ],
    // inService is a calendar date stored at UTC midnight: format it in UTC so it never shifts a day.
    [t("inService"), asset.inService && format.dateTime(asset.inService, { dateStyle: "medium", timeZone: "UTC" })],
    [t("updated"), format.dateTime(asset.updatedAt, { dateStyle: "medium", timeZone })],
  ];
  return (
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
  );
}

/** Cost to date: labour + parts over the asset's work orders, with the last months as small bars. */
export function CostCard({ cost }: { cost: NonNullable<AssetDetail["cost"]> }) {
  const t = useTranslations("assetDetail");
  const format = useFormatter();
  const money = (v: number) => format.number(v, { style: "currency", currency: cost.currency, maximumFractionDigits: 0 });
  const max = Math.max(1, ...cost.byMonth.map((m) => m.labour + m.parts));
  return (
    <Card>
      <CardHeader title={t("costTitle")} description={t("costHint")} />
      <CardBody className="flex flex-col gap-4">
        <p className="text-3xl font-semibold tracking-tight text-zinc-900">{money(cost.total)}</p>
        <dl className="grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-zinc-500">{t("labour")}</dt>
            <dd className="font-medium text-zinc-900">{money(cost.labour)}</dd>
          </div>
          <div>
            <dt className="text-zinc-500">{t("parts")}</dt>
            <dd className="font-medium text-zinc-900">{money(cost.parts)}</dd>
          </div>
        </dl>
        {cost.byMonth.length > 0 && (
          <figure>
            <figcaption className="mb-2 text-xs text-zinc-500">{t("last12Months")}</figcaption>
            <ul className="flex h-16 items-end gap-1" aria-label={t("last12Months")}>
              {cost.byMonth.map((m) => (
                <li
                  key={m.month}
                  className="flex-1 rounded-t-sm bg-brand-600"
                  style={{ height: `${Math.max(4, ((m.labour + m.parts) / max) * 100)}%` }}
                  title={`${m.month}: ${money(m.labour + m.parts)}`}
                >
                  <span className="sr-only">{`${m.month}: ${money(m.labour + m.parts)}`}</span>
                </li>
              ))}
            </ul>
          </figure>
        )}
      </CardBody>
    </Card>
  );
}

export function ChildrenCard({ slug, items }: { slug: string; items: AssetDetail["children"] }) {
  const t = useTranslations("assetDetail");
  return (
    <Card>
      <CardHeader title={t("children")} />
      <CardBody>
        {items.length ? (
          <ul className="flex flex-col gap-2">
            {items.map((c) => (
              <li key={c.id} className="flex items-center justify-between gap-3 text-sm">
                <span className="min-w-0">
                  <Link href={`/${slug}/assets/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.name}
                  </Link>
                  <span className="ml-2 font-mono text-xs text-zinc-500">{c.code}</span>
                </span>
                <AssetStatusBadge status={c.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-500">{t("noChildren")}</p>
        )}
      </CardBody>
    </Card>
  );
}
