"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/select";
import { FAILURE_CAUSES, FAILURE_TYPES } from "@/lib/validation/work-order";
import { setFailureCodingAction } from "./actions";
import { useWorkOrderAction } from "./use-work-order-action";

type Cause = (typeof FAILURE_CAUSES)[number];
type Kind = (typeof FAILURE_TYPES)[number];
type Task = { id: string; description: string; failureType: string | null; failureSeverity: number | null; failureCause: string | null };
type Severity = "1" | "2" | "3" | "4" | "5";

/**
 * What failed, why and how badly. The cause is the work order's (the failure-cause Pareto counts it); type
 * and severity belong to the task where the failure was found, as in the seeded history.
 */
export function FailureCard({
  slug,
  workOrderId,
  cause,
  tasks,
  editable,
}: {
  slug: string;
  workOrderId: string;
  cause: string | null;
  tasks: Task[];
  editable: boolean;
}) {
  const t = useTranslations("woDetail");
  const { run, pending } = useWorkOrderAction();
  const coded = tasks.find((x) => x.failureType || x.failureSeverity);
  const [form, setForm] = useState({
    cause: cause ?? "",
    taskId: coded?.id ?? tasks[0]?.id ?? "",
    type: coded?.failureType ?? "",
    severity: coded?.failureSeverity ? String(coded.failureSeverity) : "",
  });
  const causeLabel = (c: string | null) => (c && (FAILURE_CAUSES as readonly string[]).includes(c) ? t(`failureCauses.${c as Cause}`) : (c ?? t("noFailure")));
  const typeLabel = (k: string) => ((FAILURE_TYPES as readonly string[]).includes(k) ? t(`failureTypes.${k as Kind}`) : k);

  if (!editable) {
    return (
      <Card>
        <CardHeader title={t("failure")} />
        <CardBody className="pt-3">
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-zinc-500">{t("failureCause")}</dt>
            <dd className="text-zinc-900">{causeLabel(cause)}</dd>
            {coded?.failureType && (
              <>
                <dt className="text-zinc-500">{t("failureType")}</dt>
                <dd className="text-zinc-900">{typeLabel(coded.failureType)}</dd>
              </>
            )}
            {coded?.failureSeverity && (
              <>
                <dt className="text-zinc-500">{t("failureSeverity")}</dt>
                <dd className="text-zinc-900">{t(`severities.${String(coded.failureSeverity) as Severity}`)}</dd>
              </>
            )}
          </dl>
        </CardBody>
      </Card>
    );
  }

  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));

  return (
    <Card>
      <CardHeader title={t("failure")} description={t("failureHint")} />
      <CardBody className="pt-3">
        <form
          className="grid gap-3 sm:grid-cols-2"
          onSubmit={(e) => {
            e.preventDefault();
            run(
              () =>
                setFailureCodingAction(slug, {
                  workOrder: workOrderId,
                  failureCause: form.cause || null,
                  ...(form.taskId ? { taskId: form.taskId, failureType: form.type || null, failureSeverity: form.severity ? Number(form.severity) : null } : {}),
                }),
              { success: t("failureSaved") },
            );
          }}
        >
          <Select label={t("failureCause")} value={form.cause} onChange={set("cause")}>
            <option value="">{t("noFailure")}</option>
            {FAILURE_CAUSES.map((c) => (
              <option key={c} value={c}>
                {t(`failureCauses.${c}`)}
              </option>
            ))}
          </Select>
          <Select label={t("failureType")} value={form.type} onChange={set("type")} disabled={!form.taskId}>
            <option value="">{t("noFailure")}</option>
            {FAILURE_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(`failureTypes.${k}`)}
              </option>
            ))}
          </Select>
          <Select label={t("failureSeverity")} value={form.severity} onChange={set("severity")} disabled={!form.taskId}>
            <option value="">{t("noFailure")}</option>
            {(["1", "2", "3", "4", "5"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`severities.${s}`)}
              </option>
            ))}
          </Select>
          <Select label={t("failureTask")} value={form.taskId} onChange={set("taskId")}>
            <option value="">{t("noTask")}</option>
            {tasks.map((x) => (
              <option key={x.id} value={x.id}>
                {x.description}
              </option>
            ))}
          </Select>
          <div className="sm:col-span-2">
            <Button type="submit" variant="secondary" pending={pending}>
              {t("saveFailure")}
            </Button>
          </div>
        </form>
      </CardBody>
    </Card>
  );
}
