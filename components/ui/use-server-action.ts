"use client";
// The one way a screen calls a server action (lib/actions/tenant-action.ts): pending state, the field
// errors the server returned, a toast on success or failure, and a refresh of the server-rendered data
// after a change. Each area's hook only says how a failure reads in its own words: lib/data speaks English
// to developers and MCP clients, the screens speak the reader's language.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useToast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/tenant-action";

/** A server action as pages pass it down: called with the tenant slug and the input. */
export type ServerAction<I, T = unknown> = (slug: string, input: I) => Promise<ActionResult<T>>;

export type ActionFailure = Extract<ActionResult<unknown>, { ok: false }>;

export interface RunOptions<T> {
  success?: string | ((data: T) => string);
  onOk?: (data: T) => void;
  onError?: (failure: ActionFailure) => void;
  /** what a failure code means for this form (e.g. a conflict: "that code is taken") */
  messages?: Partial<Record<ActionFailure["error"], string>>;
  /** re-render the server components after success (default: the hook's default, else true) */
  refresh?: boolean;
}

/**
 * `describe` turns a failure into the toast's text, or null when the screen shows it otherwise (e.g. by
 * focusing the invalid field).
 */
export function useServerAction(describe: (failure: ActionFailure) => string | null, defaults: { refresh?: boolean } = {}) {
  const router = useRouter();
  const { toast, dismissErrors } = useToast();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  function run<T>(call: () => Promise<ActionResult<T>>, opts: RunOptions<T> = {}) {
    // The previous attempt's error no longer applies (and must not cover the form being retried).
    dismissErrors();
    startTransition(async () => {
      let res: ActionResult<T>;
      try {
        res = await call();
      } catch {
        // A network failure or a crashed action: the same words as an unexpected server error.
        res = { ok: false, error: "server_error" };
      }
      if (res.ok) {
        setFieldErrors({});
        const success = typeof opts.success === "function" ? opts.success(res.data) : opts.success;
        if (success) toast(success, { tone: "success" });
        opts.onOk?.(res.data);
        if (opts.refresh ?? defaults.refresh ?? true) router.refresh();
        return;
      }
      setFieldErrors(res.fieldErrors ?? {});
      opts.onError?.(res);
      const text = opts.messages?.[res.error] ?? describe(res);
      if (text) toast(text, { tone: "danger" });
    });
  }

  /** The field's own errors, or those of its items (tasks.2, redirectUris.0) when `nested`. */
  function errorsOf(name: string, nested = true): string[] {
    return Object.entries(fieldErrors)
      .filter(([k]) => k === name || (nested && k.startsWith(`${name}.`)))
      .flatMap(([, v]) => v);
  }

  return { run, pending, errorsOf, hasErrors: Object.keys(fieldErrors).length > 0, clearErrors: () => setFieldErrors({}) };
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
