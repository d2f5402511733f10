"use client";
// How the settings screens call their server actions: pending state, errors in the reader's language
// (lib/data and lib/validation speak in message keys of settings.errors), a toast, and a refresh of the
// server-rendered data after a change.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useToast } from "@/components/ui/toast";

export type Result<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; message?: string; fieldErrors?: Record<string, string[]> };

/** A server action as the pages pass it down: bound to nothing, called with the tenant slug first. */
export type SettingsAction<I, T = unknown> = (slug: string, input: I) => Promise<Result<T>>;

export function useSettingsAction() {
  const t = useTranslations("settings.errors");
  const router = useRouter();
  const { toast } = useToast();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  const translate = (key: string | undefined) => (key && t.has(key as never) ? t(key as never) : null);

  function errorMessage(res: Extract<Result<unknown>, { ok: false }>): string {
    return translate(res.message) ?? translate(res.error) ?? t("server_error");
  }

  function run<T>(call: () => Promise<Result<T>>, opts: { success?: string; onOk?: (data: T) => void; onError?: () => void; refresh?: boolean } = {}) {
    startTransition(async () => {
      let res: Result<T>;
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
      opts.onError?.();
      toast(res.error === "invalid" && res.fieldErrors ? t("checkFields") : errorMessage(res), { tone: "danger" });
    });
  }

  /** The first error of a field, translated; `prefix` matches nested fields (redirectUris.0). */
  function fieldError(name: string, prefix = false): string | undefined {
    const key = prefix ? Object.keys(fieldErrors).find((k) => k === name || k.startsWith(`${name}.`)) : name;
    const first = key ? fieldErrors[key]?.[0] : undefined;
    return first ? (translate(first) ?? t("invalid")) : undefined;
  }

  return { run, pending, fieldError, clearErrors: () => setFieldErrors({}) };
}

/** A form's fields as a plain object for zod (repeated names become arrays), like formObject on the server. */
export function formValues(form: HTMLFormElement): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new FormData(form).entries()) {
    if (typeof value !== "string") continue;
    const prior = out[key];
    out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}
