"use client";
// How the settings screens call their server actions (components/ui/use-server-action.ts). lib/data and
// lib/validation speak in message keys of settings.errors here, so errors translate key by key.
import { useTranslations } from "next-intl";
import { useServerAction, type ActionFailure } from "@/components/ui/use-server-action";

export function useSettingsAction() {
  const t = useTranslations("settings.errors");
  const translate = (key: string | undefined) => (key && t.has(key as never) ? t(key as never) : null);
  const describe = (res: ActionFailure) =>
    res.error === "invalid" && res.fieldErrors ? t("checkFields") : (translate(res.message) ?? translate(res.error) ?? t("server_error"));
  const { run, pending, errorsOf, clearErrors } = useServerAction(describe);

  /** The first error of a field, translated; `prefix` matches nested fields (redirectUris.0). */
  function fieldError(name: string, prefix = false): string | undefined {
    const first = errorsOf(name, prefix)[0];
    return first ? (translate(first) ?? t("invalid")) : undefined;
  }

  return { run, pending, fieldError, clearErrors };
}
