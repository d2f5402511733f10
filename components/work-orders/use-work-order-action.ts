"use client";
// How the work order screens call their server actions (components/ui/use-server-action.ts). Error texts
// from lib/data are English (written for API callers), so the screens show their own translated message
// for each error code. Their actions revalidate the page themselves, so no extra refresh.
import { useTranslations } from "next-intl";
import { useServerAction, type ActionFailure } from "@/components/ui/use-server-action";

const KNOWN = ["invalid", "server_error", "not_found", "forbidden", "conflict", "rate_limited", "unavailable"] as const;

export function useWorkOrderAction() {
  const t = useTranslations("woCommon.errors");
  const describe = (res: ActionFailure): string => {
    // A few conflicts are common enough to deserve their own words.
    if (res.error === "conflict" && res.message) {
      if (/can no longer be changed/.test(res.message)) return t("finalStatus");
      if (/^Not enough /.test(res.message)) return t("notEnoughStock");
    }
    if (res.error === "invalid" && res.message && /cannot be assigned/.test(res.message)) return t("cannotAssign");
    if (res.error === "invalid" && res.fieldErrors) return t("checkFields");
    return t((KNOWN as readonly string[]).includes(res.error) ? (res.error as (typeof KNOWN)[number]) : "server_error");
  };
  const { run, pending, errorsOf } = useServerAction(describe, { refresh: false });

  /** Whether the server rejected this field (or one of its items, e.g. tasks.2). */
  const hasError = (name: string) => errorsOf(name).length > 0;

  return { run, pending, hasError };
}
