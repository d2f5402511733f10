"use client";
import { useRef, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useSettingsAction } from "./use-settings-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";

type Holiday = { id: string; date: string; name: string; recurring: boolean };

export function Holidays({
  slug,
  holidays,
  canEdit,
  addAction,
  removeAction,
}: {
  slug: string;
  holidays: Holiday[];
  canEdit: boolean;
  addAction: ServerAction<Record<string, unknown>, { id: string }>;
  removeAction: ServerAction<{ id: string }>;
}) {
  const t = useTranslations("settings.calendar");
  const format = useFormatter();
  const add = useSettingsAction();
  const remove = useSettingsAction();
  const [confirming, setConfirming] = useState<Holiday | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // Dates are calendar days: format them as UTC so no time zone moves them to the day before.
  const day = (iso: string, recurring: boolean) =>
    format.dateTime(new Date(`${iso}T00:00:00Z`), recurring ? { month: "long", day: "numeric", timeZone: "UTC" } : { dateStyle: "medium", timeZone: "UTC" });

  return (
    <Card>
      <CardHeader title={t("holidaysTitle")} description={t("holidaysDescription")} />
      <CardBody className="flex flex-col gap-6">
        {holidays.length === 0 ? (
          <p className="text-sm text-zinc-500">{t("noHolidays")}</p>
        ) : (
          <ul className="divide-y divide-zinc-100 rounded-md border border-zinc-200">
            {holidays.map((h) => (
              <li key={h.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2.5 text-sm">
                <span className="min-w-32 font-medium text-zinc-900">{day(h.date, h.recurring)}</span>
                <span className="min-w-0 flex-1 text-zinc-700">{h.name}</span>
                {h.recurring && <Badge tone="info">{t("recurring")}</Badge>}
                {canEdit && (
                  <Button variant="ghost" size="sm" onClick={() => setConfirming(h)} aria-label={t("deleteHolidayNamed", { name: h.name })}>
                    {t("deleteHoliday")}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
        {canEdit && (
          <form
            ref={formRef}
            noValidate
            className="grid items-start gap-4 sm:grid-cols-[1fr_auto_auto_auto]"
            onSubmit={(event) => {
              event.preventDefault();
              const values = formValues(event.currentTarget);
              add.run(() => addAction(slug, values), { success: t("holidayAdded"), onOk: () => formRef.current?.reset() });
            }}
          >
            <Input label={t("holidayName")} name="name" maxLength={100} error={add.fieldError("name")} />
            <Input label={t("holidayDate")} name="date" type="date" error={add.fieldError("date")} />
            <label className="flex items-center gap-2 text-sm text-zinc-800 sm:mt-8">
              <input type="checkbox" name="recurring" className="size-4 accent-brand-600" />
              {t("recurringLabel")}
            </label>
            <Button type="submit" variant="secondary" pending={add.pending} className="sm:mt-6">
              {t("addHoliday")}
            </Button>
          </form>
        )}
      </CardBody>
      <ConfirmDialog
        open={confirming !== null}
        onClose={() => setConfirming(null)}
        onConfirm={() => {
          const target = confirming;
          if (!target) return;
          remove.run(() => removeAction(slug, { id: target.id }), { success: t("holidayDeleted"), onOk: () => setConfirming(null) });
        }}
        pending={remove.pending}
        title={t("deleteHolidayTitle")}
        description={t("deleteHolidayDescription", { name: confirming?.name ?? "" })}
        confirmLabel={t("deleteHoliday")}
      />
    </Card>
  );
}
