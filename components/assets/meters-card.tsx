import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { AssetMeter } from "@/lib/data/meters";
import { RecordReading, type Recorded } from "./record-reading";
import { Sparkline } from "./sparkline";
import type { ServerAction } from "@/components/ui/use-server-action";

/** The asset's meters: latest reading, a chart of recent ones, and (for editors) a way to record one. */
export function MetersCard({ slug, meters, canRecord, timeZone, action }: { slug: string; meters: AssetMeter[]; canRecord: boolean; timeZone: string; action: ServerAction<Record<string, unknown>, Recorded> }) {
  const t = useTranslations("assetMeters");
  const format = useFormatter();
  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody>
        {meters.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("none")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {meters.map((m) => {
              const values = m.readings.map((r) => r.value);
              const latest = m.latest ? `${format.number(m.latest.value, { maximumFractionDigits: 2 })} ${m.unit}` : null;
              return (
                <li key={m.id} className="flex flex-col gap-2 rounded-md border border-zinc-200 p-4">
                  <div className="flex items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h3 className="text-sm font-medium text-zinc-900">{m.name}</h3>
                      <Badge className="mt-1">{t(`kind.${m.kind}`)}</Badge>
                    </div>
                    {canRecord && <RecordReading slug={slug} meter={{ id: m.id, name: m.name, unit: m.unit, kind: m.kind, latest: m.latest?.value ?? null }} action={action} />}
                  </div>
                  {latest ? (
                    <p className="text-sm text-zinc-600">
                      <span className="block text-2xl font-semibold text-zinc-900">{latest}</span>
                      {format.dateTime(m.latest!.at, { dateStyle: "medium", timeStyle: "short", timeZone })}
                    </p>
                  ) : (
                    <p className="text-sm text-zinc-500">{t("noReadings")}</p>
                  )}
                  <Sparkline
                    values={values}
                    label={t("chartLabel", {
                      count: values.length,
                      min: format.number(Math.min(...values), { maximumFractionDigits: 2 }),
                      max: format.number(Math.max(...values), { maximumFractionDigits: 2 }),
                      unit: m.unit,
                    })}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
