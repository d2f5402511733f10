"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { useFormAction } from "./use-form-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";

type Meter = { id: string; name: string; unit: string; kind: "gauge" | "counter"; latest: number | null };
export type Recorded = { value: number; triggered: { planCode: string; planName: string }[] };

/** "Record reading" → a small dialog asking for the value; tells the user about any PM it made due. */
export function RecordReading({ slug, meter, action }: { slug: string; meter: Meter; action: ServerAction<Record<string, unknown>, Recorded> }) {
  const t = useTranslations("assetMeters");
  const [open, setOpen] = useState(false);
  const { run, pending, fieldError } = useFormAction();
  const inputRef = useRef<HTMLInputElement>(null);
  const formId = `reading-${meter.id}`;

  return (
    <>
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} aria-label={t("recordFor", { meter: meter.name })}>
        {t("record")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("recordTitle", { meter: meter.name })}
        description={meter.kind === "counter" && meter.latest !== null ? t("counterHint", { value: meter.latest, unit: meter.unit }) : undefined}
        initialFocusRef={inputRef}
        dismissible={!pending}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button type="submit" form={formId} pending={pending}>
              {t("save")}
            </Button>
          </>
        }
      >
        <form
          id={formId}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const values = formValues(event.currentTarget);
            run(() => action(slug, { meterId: meter.id, value: values.value }), {
              success: (r) =>
                r.triggered.length
                  ? t("recordedWithPm", { plans: r.triggered.map((p) => `${p.planCode} ${p.planName}`).join(", ") })
                  : t("recorded"),
              onOk: () => setOpen(false),
              messages: { invalid: meter.kind === "counter" ? t("counterBackwards") : t("invalidValue") },
            });
          }}
        >
          <Input
            ref={inputRef}
            label={t("value", { unit: meter.unit })}
            name="value"
            type="number"
            inputMode="decimal"
            step="any"
            required
            min={meter.kind === "counter" && meter.latest !== null ? meter.latest : undefined}
            error={fieldError("value", t("invalidValue"))}
          />
        </form>
      </Dialog>
    </>
  );
}
