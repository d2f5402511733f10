import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** Below its minimum (reorder), above its maximum, or fine. */
export function StockBadge({ quantity, min, max }: { quantity: number; min: number; max: number | null }) {
  const t = useTranslations("inventory");
  if (quantity < min) return <Badge tone="danger">{t("belowMinimum")}</Badge>;
  if (max !== null && quantity > max) return <Badge tone="warning">{t("aboveMaximum")}</Badge>;
  return <Badge tone="success">{t("ok")}</Badge>;
}
