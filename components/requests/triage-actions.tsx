"use client";
import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useFormAction } from "@/components/assets/use-form-action";
import { formValues, type ServerAction } from "@/components/ui/use-server-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "./textarea";

type RequestRef = { id: string; code: string; urgent: boolean; title: string; assetName: string | null };

/** Approve (into a work order) and Reject (with a reason), each confirmed in a dialog. */
export function TriageActions({
  slug,
  request,
  approve,
  reject,
  size = "md",
}: {
  slug: string;
  request: RequestRef;
  approve: ServerAction<Record<string, unknown>, { workOrderId: string; workOrderCode: string }>;
  reject: ServerAction<Record<string, unknown>, { code: string }>;
  size?: "sm" | "md";
}) {
  const t = useTranslations("requestTriage");
  const [dialog, setDialog] = useState<"approve" | "reject" | null>(null);
  const { run, pending, fieldError } = useFormAction();
  const titleRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const close = () => setDialog(null);
  const approveForm = `approve-${request.id}`;
  const rejectForm = `reject-${request.id}`;
  const conflict = t("notOpenAnymore");

  return (
    <div className="flex flex-wrap gap-2">
      <Button size={size} onClick={() => setDialog("approve")} aria-label={t("approveLabel", { code: request.code })}>
        {t("approve")}
      </Button>
      <Button size={size} variant="secondary" onClick={() => setDialog("reject")} aria-label={t("rejectLabel", { code: request.code })}>
        {t("reject")}
      </Button>

      <Dialog
        open={dialog === "approve"}
        onClose={close}
        title={t("approveTitle", { code: request.code })}
        description={request.assetName ? t("approveDescriptionAsset", { asset: request.assetName }) : t("approveDescription")}
        initialFocusRef={titleRef}
        dismissible={!pending}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button type="submit" form={approveForm} pending={pending}>
              {t("createWorkOrder")}
            </Button>
          </>
        }
      >
        <form
          id={approveForm}
          noValidate
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            run(() => approve(slug, { ...formValues(event.currentTarget), id: request.id }), {
              success: ({ workOrderCode }) => t("approved", { code: request.code, workOrder: workOrderCode }),
              onOk: close,
              messages: { conflict },
            });
          }}
        >
          <Input ref={titleRef} label={t("woTitle")} name="title" maxLength={200} defaultValue={request.title} error={fieldError("title", t("titleError"))} />
          <div className="grid gap-4 sm:grid-cols-2">
            <Select label={t("priority")} name="priority" defaultValue={request.urgent ? "2" : "3"}>
              {[1, 2, 3, 4, 5].map((p) => (
                <option key={p} value={p}>
                  {t(`priorityLevel.${p}` as "priorityLevel.1")}
                </option>
              ))}
            </Select>
            <Input label={t("dueDate")} name="dueAt" type="date" error={fieldError("dueAt", t("dateError"))} />
          </div>
        </form>
      </Dialog>

      <Dialog
        open={dialog === "reject"}
        onClose={close}
        title={t("rejectTitle", { code: request.code })}
        description={t("rejectDescription")}
        initialFocusRef={reasonRef}
        dismissible={!pending}
        footer={
          <>
            <Button variant="secondary" onClick={close} disabled={pending}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="danger" form={rejectForm} pending={pending}>
              {t("confirmReject")}
            </Button>
          </>
        }
      >
        <form
          id={rejectForm}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            run(() => reject(slug, { ...formValues(event.currentTarget), id: request.id }), {
              success: () => t("rejected", { code: request.code }),
              onOk: close,
              messages: { conflict },
            });
          }}
        >
          <Textarea ref={reasonRef} label={t("reason")} name="reason" required maxLength={1000} rows={3} error={fieldError("reason", t("reasonError"))} />
        </form>
      </Dialog>
    </div>
  );
}

/** The requester withdraws their own open request, after confirming. */
export function CancelRequest({ slug, request, action }: { slug: string; request: { id: string; code: string }; action: ServerAction<Record<string, unknown>, { code: string }> }) {
  const t = useTranslations("requestTriage");
  const [open, setOpen] = useState(false);
  const { run, pending } = useFormAction();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("cancelRequest")}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("cancelTitle", { code: request.code })}
        description={t("cancelDescription")}
        confirmLabel={t("cancelRequest")}
        pending={pending}
        onConfirm={() =>
          run(() => action(slug, { id: request.id }), {
            success: () => t("cancelled", { code: request.code }),
            onOk: () => setOpen(false),
            messages: { conflict: t("notOpenAnymore") },
          })
        }
      />
    </>
  );
}
