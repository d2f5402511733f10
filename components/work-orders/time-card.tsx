"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { logTimeAction } from "./actions";
import { useWorkOrderAction } from "./use-work-order-action";

/** Rows arrive formatted by the server (tenant time zone and currency). */
export type TimeRow = { id: string; who: string; when: string; minutes: number; rate: string; cost: string };

export function TimeCard({
  slug,
  workOrderId,
  rows,
  people,
  me,
}: {
  slug: string;
  workOrderId: string;
  rows: TimeRow[];
  /** who time can be logged for; null when the viewer may not log time */
  people: { id: string; name: string }[] | null;
  me: string | null;
}) {
  const t = useTranslations("woDetail");
  const tf = useTranslations("woForm.errors");
  const { run, pending, hasError } = useWorkOrderAction();
  const [minutes, setMinutes] = useState("");
  const [day, setDay] = useState("");
  const [user, setUser] = useState(me ?? people?.[0]?.id ?? "");

  return (
    <Card>
      <CardHeader title={t("time")} />
      <CardBody className="pt-3">
        {rows.length > 0 && (
          <ul className="flex flex-col divide-y divide-zinc-100 text-sm sm:hidden" aria-label={t("timeCaption")}>
            {rows.map((r) => (
              <li key={r.id} className="py-2">
                <p className="flex justify-between gap-2 font-medium text-zinc-900">
                  <span>{r.who}</span>
                  <span className="tabular-nums">{r.cost}</span>
                </p>
                <p className="text-xs text-zinc-500">
                  {r.when} · {t("minutes", { minutes: r.minutes })} · {r.rate}
                </p>
              </li>
            ))}
          </ul>
        )}
        {rows.length ? (
          <div className="hidden sm:block">
            <Table caption={t("timeCaption")} hideCaption>
              <THead>
                <tr>
                  <TH>{t("timeColumns.who")}</TH>
                  <TH>{t("timeColumns.when")}</TH>
                  <TH className="text-right">{t("timeColumns.minutes")}</TH>
                  <TH className="text-right">{t("timeColumns.rate")}</TH>
                  <TH className="text-right">{t("timeColumns.cost")}</TH>
                </tr>
              </THead>
              <TBody>
                {rows.map((r) => (
                  <TR key={r.id}>
                    <TD>{r.who}</TD>
                    <TD className="whitespace-nowrap">{r.when}</TD>
                    <TD className="text-right whitespace-nowrap">{t("minutes", { minutes: r.minutes })}</TD>
                    <TD className="text-right whitespace-nowrap">{r.rate}</TD>
                    <TD className="text-right whitespace-nowrap">{r.cost}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </div>
        ) : (
          <p className="text-sm text-zinc-500">{t("noTime")}</p>
        )}
        {people && (
          <form
            className="mt-4 grid gap-3 sm:grid-cols-[8rem_1fr_1fr_auto] sm:items-start"
            onSubmit={(e) => {
              e.preventDefault();
              run(
                () =>
                  logTimeAction(slug, {
                    workOrder: workOrderId,
                    minutes: Number(minutes),
                    ...(day ? { startedAt: day } : {}),
                    ...(user && user !== me ? { user } : {}),
                  }),
                { success: t("timeLogged"), onOk: () => setMinutes("") },
              );
            }}
          >
            <Input
              label={t("timeMinutes")}
              type="number"
              min={1}
              max={1440}
              step={1}
              required
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              error={hasError("minutes") ? tf("minutes") : undefined}
            />
            <Input label={t("timeDate")} type="date" value={day} onChange={(e) => setDay(e.target.value)} />
            <Select label={t("timeUser")} value={user} onChange={(e) => setUser(e.target.value)}>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
            <Button type="submit" variant="secondary" pending={pending} className="sm:mt-6.5">
              {t("logTime")}
            </Button>
          </form>
        )}
      </CardBody>
    </Card>
  );
}
