"use client";
// How the asset and request screens call their server actions (components/ui/use-server-action.ts), with
// failures in the reader's language. Field errors are shown beside their fields: the first invalid field
// gets focus (its message is announced with it) rather than a toast that stays after the user fixed it.
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";
import { useServerAction, type ActionFailure } from "@/components/ui/use-server-action";

const CODES = ["invalid", "not_found", "forbidden", "conflict", "rate_limited", "unavailable"] as const;
type ErrorCode = (typeof CODES)[number] | "server_error";

export function useFormAction() {
  const t = useTranslations("assetShared.errors");
  const { toast } = useToast();
  const describe = (res: ActionFailure): string | null => {
    if (res.error === "invalid" && res.fieldErrors) {
      // After the re-render that marks the fields invalid.
      requestAnimationFrame(() => {
        const invalid = document.querySelector<HTMLElement>('[aria-invalid="true"]');
        if (invalid) invalid.focus();
        else toast(t("checkFields"), { tone: "danger" });
      });
      return null;
    }
    return t((CODES as readonly string[]).includes(res.error) ? (res.error as ErrorCode) : "server_error");
  };
  const { run, pending, errorsOf, hasErrors } = useServerAction(describe);

  /** `message` when the server rejected this field, else undefined. */
  const fieldError = (name: string, message: string): string | undefined => (errorsOf(name, false).length ? message : undefined);

  return { run, pending, fieldError, hasErrors };
}
