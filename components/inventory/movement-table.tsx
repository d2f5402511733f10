import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export interface MovementRow {
  id: string;
  kind: "receipt" | "issue" | "adjustment" | "transfer";
  quantity: number;
  note: string | null;
  at: Date;
  workOrderCode: string | null;
  warehouse: { code: string };
  part?: { id: string; code: string; unit: string } | null;
}

const TONES: Record<MovementRow["kind"], BadgeTone> = { receipt: "success", issue: "info", adjustment: "warning", transfer: "neutral" };

/** Movements newest first; quantities signed (issues and transfers out are negative). */
export function MovementTable({ slug, movements, timeZone, showPart = false }: { slug: string; movements: MovementRow[]; timeZone: string; showPart?: boolean }) {
  const t = useTranslations("inventory");
  const format = useFormatter();
  if (movements.length === 0) return <p className="rounded-lg border border-dashed border-zinc-300 bg-white p-4 text-sm text-zinc-600">{t("noMovements")}</p>;
  return (
    <Table caption={t("movementsCaption")} hideCaption>
      <THead>
        <tr>
          <TH>{t("columns.when")}</TH>
          <TH>{t("columns.kind")}</TH>
          {showPart && <TH>{t("columns.part")}</TH>}
          <TH>{t("columns.warehouse")}</TH>
          <TH className="text-right">{t("columns.quantity")}</TH>
          <TH>{t("columns.workOrder")}</TH>
          <TH>{t("columns.note")}</TH>
        </tr>
      </THead>
      <TBody>
        {movements.map((m) => (
          <TR key={m.id}>
            <TD className="whitespace-nowrap">{format.dateTime(m.at, { dateStyle: "medium", timeStyle: "short", timeZone })}</TD>
            <TD>
              <Badge tone={TONES[m.kind]}>{t(`kinds.${m.kind}`)}</Badge>
            </TD>
            {showPart && (
              <TD className="whitespace-nowrap">
                {m.part && (
                  <Link href={`/${slug}/inventory/parts/${m.part.id}`} className="text-brand-700 hover:underline">
                    {m.part.code}
                  </Link>
                )}
              </TD>
            )}
            <TD className="whitespace-nowrap">{m.warehouse.code}</TD>
            <TD className="text-right whitespace-nowrap tabular-nums">{format.number(m.quantity, { signDisplay: "exceptZero" })}</TD>
            <TD className="whitespace-nowrap">
              {m.workOrderCode ? (
                <Link href={`/${slug}/work-orders/${m.workOrderCode}`} className="text-brand-700 hover:underline">
                  {m.workOrderCode}
                </Link>
              ) : (
                "—"
              )}
            </TD>
            <TD className="min-w-40 text-zinc-600">{m.note ?? ""}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
