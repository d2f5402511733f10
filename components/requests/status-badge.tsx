import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { WorkRequestRow } from "@/lib/data/requests";

const TONES: Record<WorkRequestRow["status"], BadgeTone> = { open: "info", approved: "success", rejected: "danger", cancelled: "neutral" };

export function RequestStatusBadge({ status }: { status: WorkRequestRow["status"] }) {
  const t = useTranslations("requestShared.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}

export function UrgentBadge() {
  const t = useTranslations("requestShared");
  return <Badge tone="warning">{t("urgent")}</Badge>;
}
