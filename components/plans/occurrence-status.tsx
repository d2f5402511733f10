import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = { scheduled: "neutral", due: "warning", in_wo: "info", done: "success", skipped: "neutral" };

export function OccurrenceStatus({ status, overdue = false }: { status: string; overdue?: boolean }) {
  const t = useTranslations("plans.occurrence");
  if (overdue) return <Badge tone="danger">{t("overdue")}</Badge>;
  return <Badge tone={TONES[status] ?? "neutral"}>{t(`status.${status as "scheduled"}`)}</Badge>;
}
