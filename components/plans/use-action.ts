"use client";
// How the plan and inventory screens call their server actions (components/ui/use-server-action.ts), with
// failures in the reader's language. A form says what a conflict means for it (a code already taken, not
// enough stock) through `messages`.
import { useTranslations } from "next-intl";
import { useServerAction, type ActionFailure } from "@/components/ui/use-server-action";

const CODES = ["invalid", "not_found", "forbidden", "conflict"] as const;

export function useAction() {
  const t = useTranslations("pmShared.errors");
  const describe = (res: ActionFailure) => {
    if (res.error === "invalid" && res.fieldErrors) return t("checkFields");
    return t((CODES as readonly string[]).includes(res.error) ? (res.error as (typeof CODES)[number]) : "server_error");
  };
  const { run, pending, errorsOf } = useServerAction(describe);

  /** A translated hint for a field the server rejected (zod's own text is for developers). */
  const fieldError = (name: string): string | undefined => (errorsOf(name).length ? t("fieldInvalid") : undefined);

  return { run, pending, fieldError };
}
