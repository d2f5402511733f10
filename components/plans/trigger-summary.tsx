import { useFormatter, useTranslations } from "next-intl";

export interface TriggerView {
  kind: string;
  interval: number | null;
  unit: string | null;
  floating: boolean;
  startsAt: Date | null;
  meterInterval: number | null;
  threshold: number | null;
  direction: string | null;
  meter: { name: string; unit: string } | null;
}

/** A trigger in words: "Every 2 weeks (fixed)", "Every 2,000 h of Runtime", "Vibration above 7.1 mm/s". */
export function TriggerSummary({ trigger: tr, timeZone, withStart = false }: { trigger: TriggerView; timeZone: string; withStart?: boolean }) {
  const t = useTranslations("plans.trigger");
  const format = useFormatter();
  if (tr.kind === "calendar") {
    const every = t(`every.${(tr.unit ?? "day") as "day"}`, { n: tr.interval ?? 1 });
    const mode = tr.floating ? t("floating") : t("fixed");
    return (
      <>
        {every} ({mode})
        {withStart && tr.startsAt && <span className="text-zinc-500"> · {t("from", { date: format.dateTime(tr.startsAt, { dateStyle: "medium", timeStyle: "short", timeZone }) })}</span>}
      </>
    );
  }
  const meter = tr.meter?.name ?? t("meter");
  const unit = tr.meter?.unit ?? "";
  if (tr.kind === "meter_interval") return <>{t("meterEvery", { n: format.number(tr.meterInterval ?? 0), unit, meter })}</>;
  return <>{t(tr.direction === "below" ? "below" : "above", { meter, value: format.number(tr.threshold ?? 0), unit })}</>;
}
