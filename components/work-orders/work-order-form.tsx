"use client";
// Create and edit a work order. The browser checks the obvious (required, lengths, ranges); the server
// validates again with the shared schema and its field errors are shown beside the fields. An edit sends
// only what changed, so an untouched due date keeps its exact time.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { controlClasses } from "@/components/ui/field";
import { cx } from "@/components/ui/cx";
import { CloseIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { useToast } from "@/components/ui/toast";
import { CHECKLIST_KINDS, PRIORITIES, WORK_ORDER_TYPES, type ChecklistKind, type WorkOrderType } from "@/lib/validation/work-order";
import { createWorkOrderAction, updateWorkOrderAction } from "./actions";
import { useWorkOrderAction } from "./use-work-order-action";

export type FormValues = {
  title: string;
  description: string;
  type: WorkOrderType;
  priority: string;
  assetId: string;
  locationId: string;
  dueAt: string;
  estimatedHours: string;
};

type Option = { id: string; label: string };
type Props = {
  slug: string;
  cancelHref: string;
  initial: FormValues;
  assets: Option[];
  locations: Option[];
} & ({ mode: "create"; people: Option[] } | { mode: "edit"; workOrder: { id: string; code: string } });

export function WorkOrderForm(props: Props) {
  const { slug, initial, assets, locations, cancelHref } = props;
  const t = useTranslations("woForm");
  const tc = useTranslations("woCommon");
  const tk = useTranslations("woDetail.kinds");
  const router = useRouter();
  const { toast } = useToast();
  const { run, pending, hasError } = useWorkOrderAction();
  // Plain fields are uncontrolled and read on submit: what someone types before the page's JavaScript has
  // loaded is kept. Only the asset is tracked, for the location's placeholder.
  const [hasAsset, setHasAsset] = useState(Boolean(initial.assetId));
  const [assignees, setAssignees] = useState<string[]>([]);
  const [tasks, setTasks] = useState<string[]>([]);
  const [checks, setChecks] = useState<{ label: string; kind: ChecklistKind }[]>([]);
  const err = (field: string) => (hasError(field) ? t(`errors.${field as "title"}`) : undefined);

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const v = Object.fromEntries((Object.keys(initial) as (keyof FormValues)[]).map((k) => [k, String(data.get(k) ?? "").trim()])) as FormValues;
    if (props.mode === "create") {
      const input = {
        title: v.title,
        description: v.description || undefined,
        type: v.type,
        priority: Number(v.priority),
        assetId: v.assetId || undefined,
        locationId: v.locationId || undefined,
        dueAt: v.dueAt || undefined,
        estimatedHours: v.estimatedHours === "" ? undefined : Number(v.estimatedHours),
        assignees,
        tasks: tasks.filter((x) => x.trim()),
        checklist: checks.filter((c) => c.label.trim()),
      };
      run(() => createWorkOrderAction(slug, input), {
        onOk: (wo) => {
          toast(t("created", { code: wo.code }), { tone: "success" });
          router.push(`/${slug}/work-orders/${encodeURIComponent(wo.code)}`);
        },
      });
      return;
    }
    const changed: Record<string, unknown> = { workOrder: props.workOrder.id };
    const nullable = (s: string) => (s === "" ? null : s);
    if (v.title !== initial.title) changed.title = v.title;
    if (v.description !== initial.description.trim()) changed.description = nullable(v.description);
    if (v.type !== initial.type) changed.type = v.type;
    if (v.priority !== initial.priority) changed.priority = Number(v.priority);
    if (v.assetId !== initial.assetId) changed.assetId = nullable(v.assetId);
    if (v.locationId !== initial.locationId) changed.locationId = nullable(v.locationId);
    if (v.dueAt !== initial.dueAt) changed.dueAt = nullable(v.dueAt);
    if (v.estimatedHours !== initial.estimatedHours) changed.estimatedHours = v.estimatedHours === "" ? null : Number(v.estimatedHours);
    const code = props.workOrder.code;
    run(() => updateWorkOrderAction(slug, changed), {
      success: t("saved"),
      onOk: () => router.push(`/${slug}/work-orders/${encodeURIComponent(code)}`),
    });
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
      className="flex flex-col gap-6"
    >
      <Card>
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Input
            label={t("title")}
            hint={t("titleHint")}
            name="title"
            defaultValue={initial.title}
            required
            maxLength={200}
            error={err("title")}
            className="sm:col-span-2"
          />
          <div className="flex flex-col gap-1.5 sm:col-span-2">
            <label htmlFor="wo-description" className="text-sm font-medium text-zinc-800">
              {t("description")}
            </label>
            <textarea
              id="wo-description"
              name="description"
              defaultValue={initial.description}
              maxLength={5000}
              rows={4}
              aria-invalid={hasError("description") || undefined}
              className={cx(controlClasses, "px-3 py-2")}
            />
            {err("description") && <p className="text-sm text-red-700">{err("description")}</p>}
          </div>
          <Select label={t("type")} name="type" defaultValue={initial.type} error={err("type")}>
            {WORK_ORDER_TYPES.map((type) => (
              <option key={type} value={type}>
                {tc(`type.${type}`)}
              </option>
            ))}
          </Select>
          <Select label={t("priority")} name="priority" defaultValue={initial.priority} error={err("priority")}>
            {PRIORITIES.map((p) => (
              <option key={p} value={String(p)}>
                {p} · {tc(`priority.${String(p) as "1"}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("asset")}
            name="assetId"
            defaultValue={initial.assetId}
            onChange={(e) => setHasAsset(e.target.value !== "")}
            error={err("assetId")}
          >
            <option value="">{t("noAsset")}</option>
            {assets.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
          <Select label={t("location")} name="locationId" defaultValue={initial.locationId} error={err("locationId")}>
            <option value="">{props.mode === "create" && hasAsset ? t("locationFromAsset") : t("noLocation")}</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </Select>
          <Input label={t("dueAt")} type="date" name="dueAt" defaultValue={initial.dueAt} error={err("dueAt")} />
          <Input
            label={t("estimatedHours")}
            type="number"
            min={0}
            max={10000}
            step="any"
            name="estimatedHours"
            defaultValue={initial.estimatedHours}
            error={err("estimatedHours")}
          />
        </CardBody>
      </Card>

      {props.mode === "create" && (
        <Card>
          <CardBody className="flex flex-col gap-6">
            <fieldset>
              <legend className="mb-2 text-sm font-medium text-zinc-800">{t("assignees")}</legend>
              <div className="grid gap-1 sm:grid-cols-2">
                {props.people.map((p) => (
                  <label key={p.id} className="flex cursor-pointer items-center gap-3 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-50">
                    <input
                      type="checkbox"
                      className="size-4 accent-brand-600"
                      checked={assignees.includes(p.id)}
                      onChange={(e) => setAssignees((a) => (e.target.checked ? [...a, p.id] : a.filter((x) => x !== p.id)))}
                    />
                    {p.label}
                  </label>
                ))}
              </div>
              {err("assignees") && <p className="mt-1 text-sm text-red-700">{err("assignees")}</p>}
            </fieldset>

            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium text-zinc-800">{t("tasks")}</legend>
              {tasks.map((task, i) => (
                <div key={i} className="flex items-end gap-2">
                  <Input
                    label={t("taskLabel", { n: i + 1 })}
                    value={task}
                    onChange={(e) => setTasks((all) => all.map((x, j) => (j === i ? e.target.value : x)))}
                    maxLength={500}
                    className="flex-1"
                  />
                  <Button variant="ghost" className="px-2" onClick={() => setTasks((all) => all.filter((_, j) => j !== i))} aria-label={t("removeTask", { n: i + 1 })}>
                    <CloseIcon />
                  </Button>
                </div>
              ))}
              {err("tasks") && <p className="text-sm text-red-700">{err("tasks")}</p>}
              <Button variant="secondary" size="sm" className="self-start" onClick={() => setTasks((all) => [...all, ""])}>
                {t("addTask")}
              </Button>
            </fieldset>

            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium text-zinc-800">{t("checklist")}</legend>
              {checks.map((check, i) => (
                <div key={i} className="grid grid-cols-[1fr_auto] items-end gap-2 sm:grid-cols-[1fr_12rem_auto]">
                  <Input
                    label={t("checkLabel", { n: i + 1 })}
                    value={check.label}
                    onChange={(e) => setChecks((all) => all.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))}
                    maxLength={300}
                    className="col-span-2 sm:col-span-1"
                  />
                  <Select
                    label={t("checkKind", { n: i + 1 })}
                    value={check.kind}
                    onChange={(e) => setChecks((all) => all.map((x, j) => (j === i ? { ...x, kind: e.target.value as ChecklistKind } : x)))}
                  >
                    {CHECKLIST_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {tk(k)}
                      </option>
                    ))}
                  </Select>
                  <Button variant="ghost" className="px-2" onClick={() => setChecks((all) => all.filter((_, j) => j !== i))} aria-label={t("removeCheck", { n: i + 1 })}>
                    <CloseIcon />
                  </Button>
                </div>
              ))}
              {err("checklist") && <p className="text-sm text-red-700">{err("checklist")}</p>}
              <Button variant="secondary" size="sm" className="self-start" onClick={() => setChecks((all) => [...all, { label: "", kind: "yes_no" }])}>
                {t("addCheck")}
              </Button>
            </fieldset>
          </CardBody>
        </Card>
      )}

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Link href={cancelHref} className={buttonClasses({ variant: "secondary" })}>
          {t("cancel")}
        </Link>
        <Button type="submit" pending={pending}>
          {props.mode === "create" ? t("create") : t("save")}
        </Button>
      </div>
    </form>
  );
}
