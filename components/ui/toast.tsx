"use client";
import { createContext, use, useCallback, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cx } from "./cx";
import { CloseIcon } from "./icons";

export type ToastTone = "neutral" | "success" | "danger";
type ToastItem = { id: number; message: string; tone: ToastTone };
type ToastApi = {
  toast: (message: string, options?: { tone?: ToastTone }) => void;
  /** Errors stay until dismissed; a new attempt at the same thing makes them stale (use-server-action). */
  dismissErrors: () => void;
};

const ToastContext = createContext<ToastApi | null>(null);

/** How long a toast stays by itself. Errors stay until dismissed so nobody misses them (WCAG 2.2.1). */
const AUTO_DISMISS_MS = 6000;

const REGION = "flex flex-col items-center gap-2 sm:items-end";

const TONES: Record<ToastTone, string> = {
  neutral: "border-l-zinc-400",
  success: "border-l-emerald-500",
  danger: "border-l-red-600",
};

/**
 * Provides useToast() and renders the toasts. Both live regions exist from the first render: screen readers
 * only announce changes to a region they already know about. Plain aria-live rather than role="status" /
 * role="alert": each new toast is read on its own, not the whole stack again.
 */
export function Toaster({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(0);

  const dismiss = useCallback((id: number) => setToasts((current) => current.filter((item) => item.id !== id)), []);

  const api = useMemo<ToastApi>(
    () => ({
      toast(message, { tone = "neutral" } = {}) {
        const id = ++nextId.current;
        setToasts((current) => [...current, { id, message, tone }]);
        if (tone !== "danger") setTimeout(() => dismiss(id), AUTO_DISMISS_MS);
      },
      dismissErrors() {
        setToasts((current) => current.filter((item) => item.tone !== "danger"));
      },
    }),
    [dismiss],
  );

  return (
    <ToastContext value={api}>
      {children}
      <div className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex flex-col gap-2 p-4">
        <div aria-live="polite" className={REGION}>
          {toasts.filter((item) => item.tone !== "danger").map((item) => (
            <Toast key={item.id} item={item} onDismiss={dismiss} />
          ))}
        </div>
        <div aria-live="assertive" className={REGION}>
          {toasts.filter((item) => item.tone === "danger").map((item) => (
            <Toast key={item.id} item={item} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext>
  );
}

function Toast({ item, onDismiss }: { item: ToastItem; onDismiss: (id: number) => void }) {
  const t = useTranslations("ui");
  return (
    <div
      className={cx(
        "pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-lg border border-l-4 border-zinc-200 bg-white p-4 text-sm text-zinc-900 shadow-lg",
        TONES[item.tone],
      )}
    >
      <p className="min-w-0 flex-1">{item.message}</p>
      <button
        type="button"
        onClick={() => onDismiss(item.id)}
        className="-m-1 rounded p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
        aria-label={t("dismiss")}
      >
        <CloseIcon className="size-4" />
      </button>
    </div>
  );
}

export function useToast(): ToastApi {
  const api = use(ToastContext);
  if (!api) throw new Error("useToast() needs a <Toaster> above it");
  return api;
}
