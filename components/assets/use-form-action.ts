"use client";
// How the asset and request screens call their server actions: pending state, field errors and a toast in
// the reader's language, and a refresh of the server-rendered data after a change. lib/data speaks English
// to developers and MCP clients; here an error code maps to a translated sentence (`messages` lets a form
// say what a conflict means for it, e.g. "that code is taken").
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";

export type ActionOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; message?: string; fieldErrors?: Record<string, string[]> };

/** A server action as pages pass it down: called with the tenant slug and the form's values. */
export type FormAction<T = unknown> = (slug: string, input: Record<string, unknown>) => Promise<ActionOutcome<T>>;

type ErrorCode = "invalid" | "not_found" | "forbidden" | "conflict" | "rate_limited" | "unavailable" | "server_error";

export function useFormAction() {
  const t = useTranslations("assetShared.errors");
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  function run<T>(
    call: () => Promise<ActionOutcome<T>>,
    opts: { success?: (data: T) => string; onOk?: (data: T) => void; messages?: Partial<Record<ErrorCode, string>>; refresh?: boolean } = {},
  ) {
    startTransition(async () => {
      let res: ActionOutcome<T>;
      try {
        res = await call();
      } catch {
        res = { ok: false, error: "server_error" };
      }
      if (res.ok) {
        setFieldErrors({});
        if (opts.success) toast(opts.success(res.data), { tone: "success" });
        opts.onOk?.(res.data);
        if (opts.refresh !== false) router.refresh();
        return;
      }
      setFieldErrors(res.fieldErrors ?? {});
      const code = (["invalid", "not_found", "forbidden", "conflict", "rate_limited", "unavailable"].includes(res.error) ? res.error : "server_error") as ErrorCode;
      if (code === "invalid" && res.fieldErrors && !opts.messages?.invalid) {
        // Field errors are shown beside their fields: focus the first one (its message is announced with it)
        // rather than raising a toast that stays on screen after the user has fixed it.
        requestAnimationFrame(() => {
          const invalid = document.querySelector<HTMLElement>('[aria-invalid="true"]');
          if (invalid) invalid.focus();
          else toast(t("checkFields"), { tone: "danger" });
        });
        return;
      }
      toast(opts.messages?.[code] ?? t(code), { tone: "danger" });
    });
  }

  /** A translated message for a field that failed validation, or undefined. */
  function fieldError(name: string, message: string): string | undefined {
    return fieldErrors[name]?.length ? message : undefined;
  }

  return { run, pending, fieldError, hasErrors: Object.keys(fieldErrors).length > 0 };
}

/** A form's fields as a plain object for zod (the server parses strings: "" = empty, "on" = ticked). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of new FormData(form).entries()) if (typeof value === "string") out[key] = value;
  return out;
}
