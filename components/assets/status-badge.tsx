import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<string, BadgeTone> = { operational: "success", degraded: "warning", down: "danger", retired: "neutral" };

/** An asset's status in words, with a colour that only reinforces them. */
export function AssetStatusBadge({ status }: { status: "operational" | "degraded" | "down" | "retired" }) {
  const t = useTranslations("assetShared.status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}

/** Criticality 1–5 as text ("Criticality 4 of 5") with five small bars for a glance. */
export function Criticality({ value }: { value: number }) {
  const t = useTranslations("assetShared");
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600" title={t("criticalityOf", { value })}>
      <span className="flex items-end gap-0.5" aria-hidden="true">
        {[1, 2, 3, 4, 5].map((n) => (
          <span key={n} className={`w-1 rounded-sm ${n <= value ? (value >= 4 ? "bg-red-600" : "bg-brand-600") : "bg-zinc-200"}`} style={{ height: 4 + n * 2 }} />
        ))}
      </span>
      <span className="sr-only">{t("criticalityOf", { value })}</span>
      <span aria-hidden="true">{value}</span>
    </span>
  );
}
