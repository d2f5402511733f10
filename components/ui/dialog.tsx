"use client";
import { useEffect, useId, useRef, type ReactNode, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { CloseIcon } from "./icons";

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: string;
  children?: ReactNode;
  /** Buttons, laid out right-aligned (stacked on a phone). */
  footer?: ReactNode;
  /** Where focus lands on open; by default the first focusable element (the close button). */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** False while work is in flight: Escape, the backdrop and the close button then do nothing. */
  dismissible?: boolean;
};

/**
 * A modal on the native <dialog>: showModal() gives the focus trap, the inert page behind and Escape for free,
 * and closing returns focus to the element that opened it.
 */
export function Dialog({ open, onClose, title, description, children, footer, initialFocusRef, dismissible = true }: DialogProps) {
  const t = useTranslations("ui");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      initialFocusRef?.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialFocusRef]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      // Escape fires "cancel": keep the element in step with the `open` prop instead of closing it behind React's back.
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onClose();
      }}
      onClick={(event) => {
        // A click on the dialog element itself (not its content) is a click on the backdrop.
        if (event.target === event.currentTarget && dismissible) onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-xl bg-white text-zinc-900 shadow-xl backdrop:bg-zinc-950/50"
    >
      <div className="p-6">
        <div className="flex items-start justify-between gap-4">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <Button variant="ghost" size="sm" className="-mt-1 -mr-2 px-2" onClick={onClose} disabled={!dismissible} aria-label={t("close")}>
            <CloseIcon />
          </Button>
        </div>
        {description && (
          <p id={descriptionId} className="mt-2 text-sm text-zinc-600">
            {description}
          </p>
        )}
        {children && <div className="mt-4">{children}</div>}
        {footer && <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">{footer}</div>}
      </div>
    </dialog>
  );
}

type ConfirmDialogProps = {
  open: boolean;
  onClose: () => void;
  onConfirm: () => void;
  title: string;
  description: string;
  /** Names the action ("Delete asset"), never a bare "OK". */
  confirmLabel: string;
  pending?: boolean;
};

/** Asks before a destructive action. Focus starts on Cancel so a stray Enter does no harm. */
export function ConfirmDialog({ open, onClose, onConfirm, title, description, confirmLabel, pending = false }: ConfirmDialogProps) {
  const t = useTranslations("ui");
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      initialFocusRef={cancelRef}
      dismissible={!pending}
      footer={
        <>
          <Button ref={cancelRef} variant="secondary" onClick={onClose} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button variant="danger" onClick={onConfirm} pending={pending}>
            {confirmLabel}
          </Button>
        </>
      }
    />
  );
}
