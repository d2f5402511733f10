"use client";
import { useOptimistic, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cx } from "@/components/ui/cx";
import { CHECKLIST_KINDS, type ChecklistKind } from "@/lib/validation/work-order";
import { addChecklistItemAction, answerChecklistAction } from "./actions";
import { useWorkOrderAction } from "./use-work-order-action";

type Item = { id: string; label: string; kind: ChecklistKind; value: string | null };
type Answer = "yes" | "no" | "pass" | "flag" | "fail";
const CHOICES: Partial<Record<ChecklistKind, Answer[]>> = { yes_no: ["yes", "no"], pass_flag_fail: ["pass", "flag", "fail"] };
const TONES: Record<Answer, string> = {
  yes: "has-checked:bg-emerald-600",
  no: "has-checked:bg-zinc-700",
  pass: "has-checked:bg-emerald-600",
  flag: "has-checked:bg-amber-500",
  fail: "has-checked:bg-red-600",
};

export function ChecklistCard({ slug, workOrderId, items, editable }: { slug: string; workOrderId: string; items: Item[]; editable: boolean }) {
  const t = useTranslations("woDetail");
  const adder = useWorkOrderAction();
  const [label, setLabel] = useState("");
  const [kind, setKind] = useState<ChecklistKind>("yes_no");
  const answered = items.filter((i) => i.value !== null).length;

  return (
    <Card>
      <CardHeader title={t("checklist")} description={items.length ? t("checklistProgress", { done: answered, total: items.length }) : undefined} />
      <CardBody className="pt-3">
        {items.length === 0 && <p className="text-sm text-zinc-500">{t("noChecklist")}</p>}
        <ul className="flex flex-col divide-y divide-zinc-100">
          {items.map((item) => (
            <li key={item.id} className="py-3">
              {editable ? <EditableItem slug={slug} workOrderId={workOrderId} item={item} /> : <ReadOnlyItem item={item} />}
            </li>
          ))}
        </ul>
        {editable && (
          <form
            className="mt-3 grid gap-2 sm:grid-cols-[1fr_12rem_auto] sm:items-end"
            onSubmit={(e) => {
              e.preventDefault();
              adder.run(() => addChecklistItemAction(slug, { workOrder: workOrderId, label, kind }), { success: t("itemAdded"), onOk: () => setLabel("") });
            }}
          >
            <Input label={t("newItem")} value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={300} />
            <Select label={t("itemKind")} value={kind} onChange={(e) => setKind(e.target.value as ChecklistKind)}>
              {CHECKLIST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kinds.${k}`)}
                </option>
              ))}
            </Select>
            <Button type="submit" variant="secondary" pending={adder.pending}>
              {t("addItem")}
            </Button>
          </form>
        )}
      </CardBody>
    </Card>
  );
}

function ReadOnlyItem({ item }: { item: Item }) {
  const t = useTranslations("woDetail");
  const shown = item.value === null ? t("notAnswered") : CHOICES[item.kind] ? t(`answers.${item.value as Answer}`) : item.value;
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 text-sm">
      <span className="text-zinc-900">{item.label}</span>
      <span className={item.value === null ? "text-zinc-400" : "font-medium text-zinc-900"}>{shown}</span>
    </div>
  );
}

function EditableItem({ slug, workOrderId, item }: { slug: string; workOrderId: string; item: Item }) {
  const t = useTranslations("woDetail");
  const { run, pending } = useWorkOrderAction();
  const [value, setValue] = useOptimistic(item.value);
  const [draft, setDraft] = useState(item.value ?? "");
  // The saved answer comes back normalised ("12,5" → "12.5"): show it once it arrives.
  const [saved, setSaved] = useState(item.value);
  if (saved !== item.value) {
    setSaved(item.value);
    setDraft(item.value ?? "");
  }
  const choices = CHOICES[item.kind];
  const save = (next: string | null) =>
    run(() => {
      setValue(next);
      return answerChecklistAction(slug, { workOrder: workOrderId, itemId: item.id, value: next });
    });

  if (choices) {
    return (
      <fieldset className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2" aria-busy={pending || undefined}>
        <legend className="float-left text-sm text-zinc-900">{item.label}</legend>
        <div className="flex items-center gap-2">
          <div className="inline-flex overflow-hidden rounded-md border border-zinc-300 shadow-sm">
            {choices.map((choice) => (
              <label
                key={choice}
                className={cx(
                  "cursor-pointer border-l border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 first:border-l-0 has-checked:text-white",
                  "has-focus-visible:outline-2 has-focus-visible:-outline-offset-2 has-focus-visible:outline-brand-600",
                  TONES[choice],
                )}
              >
                <input type="radio" name={`answer-${item.id}`} value={choice} checked={value === choice} onChange={() => save(choice)} className="sr-only" />
                {t(`answers.${choice}`)}
              </label>
            ))}
          </div>
          {value !== null && (
            <Button variant="ghost" size="sm" onClick={() => save(null)} aria-label={`${t("clearAnswer")}: ${item.label}`}>
              {t("clearAnswer")}
            </Button>
          )}
        </div>
      </fieldset>
    );
  }

  return (
    <form
      className="flex items-end gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        save(draft.trim() === "" ? null : draft.trim());
      }}
    >
      <Input
        label={item.label}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        inputMode={item.kind === "number" ? "decimal" : undefined}
        pattern={item.kind === "number" ? "-?[0-9]+([.,][0-9]+)?" : undefined}
        maxLength={1000}
        className="flex-1"
      />
      <Button type="submit" variant="secondary" pending={pending} aria-label={`${t("saveAnswer")}: ${item.label}`}>
        {t("saveAnswer")}
      </Button>
    </form>
  );
}
