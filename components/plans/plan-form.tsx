"use client";
// Create / edit a maintenance plan: header fields, a list of tasks and a list of triggers. Dates and times
// are entered in the tenant's time zone and sent as instants.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { controlClasses, Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cx } from "@/components/ui/cx";
import { newTrigger, toInput, type TriggerDraft } from "./trigger-draft";
import { TriggerFields } from "./trigger-fields";
import { useAction } from "./use-action";
import type { ServerAction } from "@/components/ui/use-server-action";

export interface PlanFormValues {
  id?: string;
  code: string;
  name: string;
  description: string;
  assetId: string;
  workOrderType: string;
  priority: number;
  estimatedHours: string;
  active: boolean;
  tasks: string[];
  triggers: TriggerDraft[];
}

export interface PlanFormOptions {
  assets: { id: string; code: string; name: string }[];
  meters: { id: string; name: string; unit: string; asset: { code: string } }[];
}

const TYPES = ["preventive", "predictive", "inspection", "corrective", "improvement"] as const;

export function PlanForm({
  slug,
  initial,
  options,
  timeZone,
  today,
  action,
}: {
  slug: string;
  initial: PlanFormValues;
  options: PlanFormOptions;
  timeZone: string;
  today: string;
  action: ServerAction<Record<string, unknown>, { id: string }>;
}) {
  const t = useTranslations("planForm");
  const router = useRouter();
  const { run, pending, fieldError } = useAction();
  const [v, setV] = useState(initial);
  const set = <K extends keyof PlanFormValues>(key: K, value: PlanFormValues[K]) => setV((prev) => ({ ...prev, [key]: value }));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      ...(v.id ? { id: v.id } : {}),
      code: v.code,
      name: v.name,
      ...(v.description.trim() ? { description: v.description } : {}),
      ...(v.assetId ? { assetId: v.assetId } : {}),
      workOrderType: v.workOrderType,
      priority: v.priority,
      ...(v.estimatedHours !== "" ? { estimatedHours: Number(v.estimatedHours) } : {}),
      active: v.active,
      tasks: v.tasks.filter((d) => d.trim()).map((description) => ({ description })),
      triggers: v.triggers.map((tr) => toInput(tr, timeZone)),
    };
    run(() => action(slug, input), {
      success: v.id ? t("saved") : t("created"),
      messages: { conflict: t("codeTaken") },
      refresh: false,
      onOk: ({ id }) => router.push(`/${slug}/plans/${id}`),
    });
  }

  return (
    <form onSubmit={submit} className="flex max-w-3xl flex-col gap-6">
      <Card>
        <CardHeader title={t("details")} />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Input label={t("code")} value={v.code} onChange={(e) => set("code", e.target.value)} required maxLength={40} error={fieldError("code")} />
          <Input label={t("name")} value={v.name} onChange={(e) => set("name", e.target.value)} required maxLength={200} error={fieldError("name")} />
          <Field label={t("description")} className="sm:col-span-2" error={fieldError("description")}>
            {(control) => (
              <textarea {...control} value={v.description} onChange={(e) => set("description", e.target.value)} rows={3} maxLength={2000} className={cx(controlClasses, "px-3 py-2")} />
            )}
          </Field>
          <Select label={t("asset")} value={v.assetId} onChange={(e) => set("assetId", e.target.value)} error={fieldError("assetId")}>
            <option value="">{t("noAsset")}</option>
            {options.assets.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} — {a.name}
              </option>
            ))}
          </Select>
          <Select label={t("type")} value={v.workOrderType} onChange={(e) => set("workOrderType", e.target.value)}>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </Select>
          <Select label={t("priority")} value={String(v.priority)} onChange={(e) => set("priority", Number(e.target.value))}>
            {[1, 2, 3, 4, 5].map((p) => (
              <option key={p} value={p}>
                {t(`priorities.${p}` as "priorities.1")}
              </option>
            ))}
          </Select>
          <Input
            label={t("estimatedHours")}
            type="number"
            min={0}
            max={1000}
            step="0.25"
            inputMode="decimal"
            value={v.estimatedHours}
            onChange={(e) => set("estimatedHours", e.target.value)}
            error={fieldError("estimatedHours")}
          />
          <label className="flex items-center gap-2 text-sm text-zinc-800 sm:col-span-2">
            <input type="checkbox" checked={v.active} onChange={(e) => set("active", e.target.checked)} className="size-4 rounded border-zinc-300" />
            {t("active")}
          </label>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("tasks")} description={t("tasksHint")} />
        <CardBody className="flex flex-col gap-3">
          {v.tasks.length === 0 && <p className="text-sm text-zinc-500">{t("noTasks")}</p>}
          <ol className="flex flex-col gap-3">
            {v.tasks.map((task, i) => (
              <li key={i} className="flex items-end gap-2">
                <Input
                  className="flex-1"
                  label={t("taskLabel", { n: i + 1 })}
                  value={task}
                  maxLength={500}
                  onChange={(e) => set("tasks", v.tasks.map((x, j) => (j === i ? e.target.value : x)))}
                />
                <Button variant="ghost" onClick={() => set("tasks", v.tasks.filter((_, j) => j !== i))} aria-label={t("removeTask", { n: i + 1 })}>
                  {t("remove")}
                </Button>
              </li>
            ))}
          </ol>
          <div>
            <Button variant="secondary" size="sm" onClick={() => set("tasks", [...v.tasks, ""])} disabled={v.tasks.length >= 50}>
              {t("addTask")}
            </Button>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title={t("triggers")} description={t("triggersHint", { timeZone })} />
        <CardBody className="flex flex-col gap-4">
          {v.triggers.map((tr, i) => (
            <TriggerFields
              key={i}
              index={i}
              value={tr}
              meters={options.meters}
              error={fieldError(`triggers.${i}`)}
              onChange={(next) => set("triggers", v.triggers.map((x, j) => (j === i ? next : x)))}
              onRemove={v.triggers.length > 1 ? () => set("triggers", v.triggers.filter((_, j) => j !== i)) : undefined}
            />
          ))}
          <div>
            <Button variant="secondary" size="sm" onClick={() => set("triggers", [...v.triggers, newTrigger(today)])} disabled={v.triggers.length >= 10}>
              {t("addTrigger")}
            </Button>
          </div>
        </CardBody>
      </Card>

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={() => router.back()} disabled={pending}>
          {t("cancel")}
        </Button>
        <Button type="submit" pending={pending}>
          {v.id ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}
