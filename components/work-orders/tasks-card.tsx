"use client";
import { useOptimistic, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { cx } from "@/components/ui/cx";
import { addTaskAction, setTaskDoneAction } from "./actions";
import { useWorkOrderAction } from "./use-work-order-action";

type Task = { id: string; description: string; done: boolean; durationMinutes: number | null };

export function TasksCard({ slug, workOrderId, tasks, editable }: { slug: string; workOrderId: string; tasks: Task[]; editable: boolean }) {
  const t = useTranslations("woDetail");
  const toggle = useWorkOrderAction();
  const adder = useWorkOrderAction();
  const [busy, setBusy] = useState<string | null>(null);
  const [text, setText] = useState("");
  // The box shows the new state at once; the server's answer (or a refusal) then settles it.
  const [shown, setShown] = useOptimistic(tasks, (current, change: { id: string; done: boolean }) =>
    current.map((x) => (x.id === change.id ? { ...x, done: change.done } : x)),
  );
  const done = shown.filter((x) => x.done).length;

  return (
    <Card>
      <CardHeader title={t("tasks")} description={tasks.length ? t("tasksProgress", { done, total: tasks.length }) : undefined} />
      <CardBody className="pt-3">
        {tasks.length === 0 && <p className="text-sm text-zinc-500">{t("noTasks")}</p>}
        <ul className="flex flex-col divide-y divide-zinc-100">
          {shown.map((task) => (
            <li key={task.id} className="flex items-start gap-3 py-2">
              {editable ? (
                <input
                  id={`task-${task.id}`}
                  type="checkbox"
                  className="mt-0.5 size-5 shrink-0 accent-brand-600"
                  checked={task.done}
                  disabled={toggle.pending && busy === task.id}
                  onChange={(e) => {
                    setBusy(task.id);
                    const checked = e.target.checked;
                    toggle.run(() => {
                      setShown({ id: task.id, done: checked });
                      return setTaskDoneAction(slug, { workOrder: workOrderId, taskId: task.id, done: checked });
                    });
                  }}
                />
              ) : (
                <span aria-hidden="true" className={cx("mt-0.5 text-base leading-none", task.done ? "text-emerald-600" : "text-zinc-300")}>
                  {task.done ? "✓" : "○"}
                </span>
              )}
              <label htmlFor={editable ? `task-${task.id}` : undefined} className={cx("flex-1 text-sm", task.done ? "text-zinc-500 line-through" : "text-zinc-900")}>
                {task.description}
                {!editable && <span className="sr-only"> — {task.done ? t("answers.yes") : t("answers.no")}</span>}
              </label>
            </li>
          ))}
        </ul>
        {editable && (
          <form
            className="mt-3 flex items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              adder.run(() => addTaskAction(slug, { workOrder: workOrderId, description: text }), { success: t("taskAdded"), onOk: () => setText("") });
            }}
          >
            <Input label={t("newTask")} value={text} onChange={(e) => setText(e.target.value)} required maxLength={500} className="flex-1" />
            <Button type="submit" variant="secondary" pending={adder.pending}>
              {t("addTask")}
            </Button>
          </form>
        )}
      </CardBody>
    </Card>
  );
}
