"use client";
// How the plan and inventory screens call their server actions: pending state, field errors and a toast in
// the reader's language, and a refresh of the server-rendered data after a change. A form says what a
// conflict means for it (a code already taken, not enough stock) through `messages`.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";

export type ActionOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; message?: string; fieldErrors?: Record<string, string[]> };

/** A server action as the pages pass it down: called with the tenant slug and the input object. */
export type TenantActionFn<I, T = unknown> = (slug: string, input: I) => Promise<ActionOutcome<T>>;

const CODES = ["invalid", "not_found", "forbidden", "conflict", "server_error"] as const;
type ErrorCode = (typeof CODES)[number];

export function useAction() {
  const t = useTranslations("pmShared.errors");
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  function run<T>(
    call: () => Promise<ActionOutcome<T>>,
    opts: { success?: string; onOk?: (data: T) => void; messages?: Partial<Record<ErrorCode, string>>; refresh?: boolean } = {},
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
        if (opts.success) toast(opts.success, { tone: "success" });
        opts.onOk?.(res.data);
        if (opts.refresh !== false) router.refresh();
        return;
      }
      setFieldErrors(res.fieldErrors ?? {});
      const code: ErrorCode = (CODES as readonly string[]).includes(res.error) ? (res.error as ErrorCode) : "server_error";
      toast(opts.messages?.[code] ?? t(code === "invalid" && res.fieldErrors ? "checkFields" : code), { tone: "danger" });
    });
  }

  /** A translated hint for a field the server rejected (zod's own text is for developers). */
  function fieldError(name: string): string | undefined {
    return Object.keys(fieldErrors).some((k) => k === name || k.startsWith(`${name}.`)) ? t("fieldInvalid") : undefined;
  }

  return { run, pending, fieldError };
}
