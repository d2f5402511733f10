"use client";
// The status buttons: only the moves the status machine allows from here (the server refuses any other).
// Completing and cancelling close the work order for good, so both ask first.
import { useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { controlClasses } from "@/components/ui/field";
import { cx } from "@/components/ui/cx";
import type { WorkOrderStatus } from "@/lib/validation/work-order";
import { changeStatusAction } from "./actions";
import { useWorkOrderAction } from "./use-work-order-action";

type Props = {
  slug: string;
  workOrder: { id: string; code: string; status: WorkOrderStatus };
  allowed: WorkOrderStatus[];
  /** other actions (Edit), placed before the cancel button */
  children?: ReactNode;
};
const FORWARD: WorkOrderStatus[] = ["in_progress", "in_review", "completed"];

export function StatusActions({ slug, workOrder, allowed, children }: Props) {
  const t = useTranslations("woDetail");
  const tc = useTranslations("woCommon.status");
  const { run, pending } = useWorkOrderAction();
  const [confirm, setConfirm] = useState<"completed" | "cancelled" | null>(null);
  const [reason, setReason] = useState("");
  const cancelRef = useRef<HTMLButtonElement>(null);

  function move(status: WorkOrderStatus, note?: string) {
    run(() => changeStatusAction(slug, { workOrder: workOrder.id, status, note: note || undefined }), {
      success: t("moved", { status: tc(status) }),
      onOk: () => {
        setConfirm(null);
        setReason("");
      },
    });
  }

  const label = (to: WorkOrderStatus) => (to === "in_progress" && workOrder.status === "on_hold" ? t("moveTo.resume") : t(`moveTo.${to as Exclude<WorkOrderStatus, "open">}`));
  const ordered = [...allowed].sort((a, b) => Number(FORWARD.includes(b)) - Number(FORWARD.includes(a)) || Number(a === "cancelled") - Number(b === "cancelled"));

  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={t("statusActions")}>
      {ordered.map((to, i) => (
        <Button
          key={to}
          variant={to === "cancelled" ? "ghost" : i === 0 ? "primary" : "secondary"}
          className={cx(to === "cancelled" && "order-last text-red-700! hover:bg-red-50!")}
          pending={pending && confirm === null}
          disabled={pending}
          onClick={() => (to === "completed" || to === "cancelled" ? setConfirm(to) : move(to))}
        >
          {label(to)}
        </Button>
      ))}
      {children}
      <Dialog
        open={confirm !== null}
        onClose={() => setConfirm(null)}
        dismissible={!pending}
        initialFocusRef={cancelRef}
        title={confirm === "completed" ? t("completeTitle", { code: workOrder.code }) : t("cancelTitle", { code: workOrder.code })}
        description={confirm === "completed" ? t("completeDescription") : t("cancelDescription")}
        footer={
          <>
            <Button ref={cancelRef} variant="secondary" onClick={() => setConfirm(null)} disabled={pending}>
              {t("notNow")}
            </Button>
            <Button variant={confirm === "cancelled" ? "danger" : "primary"} pending={pending} onClick={() => confirm && move(confirm, reason)}>
              {confirm === "completed" ? t("completeConfirm") : t("cancelConfirm")}
            </Button>
          </>
        }
      >
        {confirm === "cancelled" && (
          <label className="flex flex-col gap-1.5 text-sm font-medium text-zinc-800">
            {t("cancelReason")}
            <textarea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} rows={3} className={cx(controlClasses, "px-3 py-2")} />
          </label>
        )}
      </Dialog>
    </div>
  );
}
