"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useSettingsAction } from "./use-settings-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";

type CalendarValues = { workingDays: number[]; dayStart: string; dayEnd: string; crewSize: number };

export function CalendarForm({
  slug,
  initial,
  dayNames,
  capacity,
  canEdit,
  action,
}: {
  slug: string;
  initial: CalendarValues;
  /** ISO weekday 1 (Monday) … 7, named in the reader's language */
  dayNames: { day: number; name: string }[];
  capacity: string;
  canEdit: boolean;
  action: ServerAction<Record<string, unknown>>;
}) {
  const t = useTranslations("settings.calendar");
  const { run, pending, fieldError } = useSettingsAction();
  const daysError = fieldError("workingDays", true);

  return (
    <Card>
      <CardHeader title={t("hoursTitle")} description={t("capacity", { hours: capacity })} />
      <CardBody>
        <form
          noValidate
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            const values = formValues(event.currentTarget);
            const days = values.workingDays;
            run(() => action(slug, { ...values, workingDays: days === undefined ? [] : Array.isArray(days) ? days : [days] }), { success: t("saved") });
          }}
        >
          <fieldset disabled={!canEdit || pending} className="contents">
            <fieldset aria-describedby={daysError ? "working-days-error" : undefined}>
              <legend className="text-sm font-medium text-zinc-800">{t("workingDays")}</legend>
              <div className="mt-2 flex flex-wrap gap-2">
                {dayNames.map(({ day, name }) => (
                  <label key={day} className="flex items-center gap-2 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50">
                    <input type="checkbox" name="workingDays" value={day} defaultChecked={initial.workingDays.includes(day)} className="size-4 accent-brand-600" />
                    {name}
                  </label>
                ))}
              </div>
              {daysError && (
                <p id="working-days-error" className="mt-1.5 text-sm text-red-700">
                  {daysError}
                </p>
              )}
            </fieldset>
            <div className="grid gap-5 sm:grid-cols-3">
              <Input label={t("dayStart")} name="dayStart" type="time" defaultValue={initial.dayStart} error={fieldError("dayStart")} />
              <Input label={t("dayEnd")} name="dayEnd" type="time" defaultValue={initial.dayEnd} error={fieldError("dayEnd")} />
              <Input
                label={t("crewSize")}
                name="crewSize"
                type="number"
                inputMode="numeric"
                min={1}
                defaultValue={initial.crewSize}
                hint={t("crewSizeHint")}
                error={fieldError("crewSize")}
              />
            </div>
            {canEdit && (
              <div>
                <Button type="submit" pending={pending}>
                  {t("save")}
                </Button>
              </div>
            )}
          </fieldset>
        </form>
      </CardBody>
    </Card>
  );
}
