import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { WorkOrderStatus } from "@/lib/validation/work-order";

const STATUS_TONES: Record<WorkOrderStatus, BadgeTone> = {
  open: "info",
  in_progress: "brand",
  on_hold: "warning",
  in_review: "info",
  completed: "success",
  cancelled: "neutral",
};

export function StatusBadge({ status }: { status: WorkOrderStatus }) {
  const t = useTranslations("woCommon.status");
  return <Badge tone={STATUS_TONES[status]}>{t(status)}</Badge>;
}

const PRIORITY_TONES: BadgeTone[] = ["neutral", "danger", "warning", "neutral", "neutral", "neutral"];

/** "1 · Very high": the number for scanning a list, the word so the scale needs no legend. */
export function PriorityBadge({ priority }: { priority: number }) {
  const t = useTranslations("woCommon");
  const level = String(priority) as "1" | "2" | "3" | "4" | "5";
  return (
    <Badge tone={PRIORITY_TONES[priority] ?? "neutral"} title={t("priorityLabel", { level: priority })}>
      {priority} · {t(`priority.${level}`)}
    </Badge>
  );
}

export function OverdueBadge() {
  const t = useTranslations("woCommon");
  return <Badge tone="danger">{t("overdue")}</Badge>;
}
