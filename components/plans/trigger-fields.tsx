"use client";
// One trigger of a plan: every N days/weeks/months (fixed or floating), every N meter units, or a meter
// reading above/below a threshold. The fields shown follow the kind.
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { TriggerDraft } from "./trigger-draft";

export function TriggerFields({
  index,
  value,
  meters,
  error,
  onChange,
  onRemove,
}: {
  index: number;
  value: TriggerDraft;
  meters: { id: string; name: string; unit: string; asset: { code: string } }[];
  error?: string;
  onChange: (next: TriggerDraft) => void;
  onRemove?: () => void;
}) {
  const t = useTranslations("planForm");
  const set = <K extends keyof TriggerDraft>(key: K, v: TriggerDraft[K]) => onChange({ ...value, [key]: v });
  const meter = meters.find((m) => m.id === value.meterId);

  return (
    <fieldset className="rounded-md border border-zinc-200 p-4">
      <legend className="px-1 text-sm font-medium text-zinc-800">{t("triggerLabel", { n: index + 1 })}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Select label={t("triggerKind")} value={value.kind} onChange={(e) => set("kind", e.target.value as TriggerDraft["kind"])} className="sm:col-span-2">
          <option value="calendar">{t("kinds.calendar")}</option>
          <option value="meter_interval" disabled={meters.length === 0}>
            {t("kinds.meter_interval")}
          </option>
          <option value="meter_threshold" disabled={meters.length === 0}>
            {t("kinds.meter_threshold")}
          </option>
        </Select>
        {value.kind === "calendar" ? (
          <>
            <Input label={t("every")} type="number" min={1} max={999} step={1} required value={value.interval} onChange={(e) => set("interval", e.target.value)} />
            <Select label={t("unit")} value={value.unit} onChange={(e) => set("unit", e.target.value as TriggerDraft["unit"])}>
              <option value="day">{t("units.day")}</option>
              <option value="week">{t("units.week")}</option>
              <option value="month">{t("units.month")}</option>
            </Select>
            <Select
              label={t("schedule")}
              hint={value.floating ? t("floatingHint") : t("fixedHint")}
              value={value.floating ? "floating" : "fixed"}
              onChange={(e) => set("floating", e.target.value === "floating")}
              className="sm:col-span-2"
            >
              <option value="fixed">{t("fixed")}</option>
              <option value="floating">{t("floating")}</option>
            </Select>
            <Input label={t("startsOn")} type="date" required value={value.date} onChange={(e) => set("date", e.target.value)} />
            <Input label={t("at")} type="time" required value={value.time} onChange={(e) => set("time", e.target.value)} />
          </>
        ) : (
          <>
            <Select label={t("meter")} required value={value.meterId} onChange={(e) => set("meterId", e.target.value)} className="sm:col-span-2">
              <option value="">{t("chooseMeter")}</option>
              {meters.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.asset.code} — {m.name} ({m.unit})
                </option>
              ))}
            </Select>
            {value.kind === "meter_interval" ? (
              <Input
                label={t("everyUnits", { unit: meter?.unit ?? "" })}
                type="number"
                min={0}
                step="any"
                required
                value={value.meterInterval}
                onChange={(e) => set("meterInterval", e.target.value)}
              />
            ) : (
              <>
                <Select label={t("direction")} value={value.direction} onChange={(e) => set("direction", e.target.value as TriggerDraft["direction"])}>
                  <option value="above">{t("above")}</option>
                  <option value="below">{t("below")}</option>
                </Select>
                <Input
                  label={t("threshold", { unit: meter?.unit ?? "" })}
                  type="number"
                  step="any"
                  required
                  value={value.threshold}
                  onChange={(e) => set("threshold", e.target.value)}
                />
              </>
            )}
          </>
        )}
      </div>
      {error && <p className="mt-3 text-sm text-red-700">{error}</p>}
      {onRemove && (
        <div className="mt-4">
          <Button variant="ghost" size="sm" onClick={onRemove} aria-label={t("removeTrigger", { n: index + 1 })}>
            {t("remove")}
          </Button>
        </div>
      )}
    </fieldset>
  );
}
