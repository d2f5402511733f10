"use client";
// How the work order screens call their server actions: pending state, a toast in the reader's language,
// and field errors for forms. Error texts from lib/data are English (they are written for API callers),
// so the screens show their own translated message for each error code instead.
import { useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/tenant-action";

type ErrorKey = "invalid" | "server_error" | "not_found" | "forbidden" | "conflict" | "rate_limited" | "unavailable";
const KNOWN: readonly string[] = ["invalid", "server_error", "not_found", "forbidden", "conflict", "rate_limited", "unavailable"];

export function useWorkOrderAction() {
  const t = useTranslations("woCommon.errors");
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  function message(res: Extract<ActionResult<unknown>, { ok: false }>): string {
    // A few conflicts are common enough to deserve their own words.
    if (res.error === "conflict" && res.message) {
      if (/can no longer be changed/.test(res.message)) return t("finalStatus");
      if (/^Not enough /.test(res.message)) return t("notEnoughStock");
    }
    if (res.error === "invalid" && res.message && /cannot be assigned/.test(res.message)) return t("cannotAssign");
    if (res.error === "invalid" && res.fieldErrors) return t("checkFields");
    return KNOWN.includes(res.error) ? t(res.error as ErrorKey) : t("server_error");
  }

  function run<T>(call: () => Promise<ActionResult<T>>, opts: { success?: string; onOk?: (data: T) => void } = {}) {
    startTransition(async () => {
      let res: ActionResult<T>;
      try {
        res = await call();
      } catch {
        res = { ok: false, error: "server_error" };
      }
      if (res.ok) {
        setFieldErrors({});
        if (opts.success) toast(opts.success, { tone: "success" });
        opts.onOk?.(res.data);
        return;
      }
      setFieldErrors(res.fieldErrors ?? {});
      toast(message(res), { tone: "danger" });
    });
  }

  /** Whether the server rejected this field (or one of its items, e.g. tasks.2). */
  function hasError(name: string): boolean {
    return Object.keys(fieldErrors).some((k) => k === name || k.startsWith(`${name}.`));
  }

  return { run, pending, hasError, setFieldErrors };
}
