import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { WorkOrderDetail } from "@/lib/data/work-orders";
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from "@/lib/validation/work-order";

type Entry = WorkOrderDetail["history"][number];
type Json = Record<string, unknown>;

const ACTIONS = ["create", "update", "status", "assign", "comment", "time", "task", "task_add", "checklist", "checklist_add", "failure", "part"] as const;
type KnownAction = (typeof ACTIONS)[number];

/** "workorder.task.add" → "task_add" (message keys cannot contain dots). */
function actionKey(action: string): KnownAction | "other" {
  const key = action.replace(/^workorder\./, "").replace(/\./g, "_");
  return (ACTIONS as readonly string[]).includes(key) ? (key as KnownAction) : "other";
}

const obj = (v: unknown): Json => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : {});
const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/** The audit log rows of this work order, newest first, each with a one-line summary of what changed. */
export async function HistoryCard({ history, timeZone }: { history: Entry[]; timeZone: string }) {
  const [t, ts, tf, format] = await Promise.all([getTranslations("woDetail"), getTranslations("woCommon.status"), getTranslations("woForm"), getFormatter()]);
  const status = (v: unknown) => ((WORK_ORDER_STATUSES as readonly string[]).includes(str(v)) ? ts(v as WorkOrderStatus) : str(v));
  const FIELD_LABELS: Record<string, string> = {
    title: tf("title"),
    description: tf("description"),
    type: t("fields.type"),
    priority: t("fields.priority"),
    assetId: t("fields.asset"),
    locationId: t("fields.location"),
    dueAt: t("fields.due"),
    estimatedHours: t("fields.estimate"),
  };

  function detail(h: Entry): string {
    const before = obj(h.before);
    const after = obj(h.after);
    switch (h.action) {
      case "workorder.create":
        return str(after.code);
      case "workorder.status":
        return t("statusChange", { from: status(before.status), to: status(after.status) });
      case "workorder.update":
        return Object.keys(after)
          .map((k) => FIELD_LABELS[k] ?? k)
          .join(", ");
      case "workorder.assign":
        return Array.isArray(after.assignees) && after.assignees.length ? after.assignees.join(", ") : t("noAssignees");
      case "workorder.comment":
        return str(after.comment);
      case "workorder.time":
        return `${t("minutes", { minutes: Number(after.minutes) || 0 })} · ${str(after.user)}`;
      case "workorder.task":
        return `${str(after.task)}${after.done ? " ✓" : ""}`;
      case "workorder.task.add":
        return str(after.task);
      case "workorder.checklist":
      case "workorder.checklist.add":
        return [str(after.item), str(after.value ?? after.kind)].filter(Boolean).join(": ");
      case "workorder.failure":
        return str(after.failureCause);
      case "workorder.part":
        return `${str(after.part)} × ${str(after.quantity)}`;
      default:
        return "";
    }
  }

  function actor(h: Entry): string {
    if (!h.actor) return t("system");
    if (h.actor.kind === "consumer") return h.actor.user ? t("historyVia", { app: h.actor.name, user: h.actor.user.name }) : h.actor.name;
    return h.actor.name;
  }

  return (
    <Card>
      <CardHeader title={t("history")} />
      <CardBody className="pt-3">
        {history.length ? (
          <ol className="flex flex-col gap-3 border-l border-zinc-200 pl-4">
            {history.map((h) => (
              <li key={h.id} className="text-sm">
                <p className="font-medium text-zinc-900">
                  {t(`actions.${actionKey(h.action)}`)}
                  {detail(h) && <span className="font-normal text-zinc-600"> — {detail(h)}</span>}
                </p>
                <p className="text-xs text-zinc-500">
                  {actor(h)} · <time dateTime={h.at.toISOString()}>{format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short", timeZone })}</time>
                </p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-zinc-500">{t("noHistory")}</p>
        )}
      </CardBody>
    </Card>
  );
}
