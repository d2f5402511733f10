"use client";
import { useTransition } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Select } from "@/components/ui/select";
import { LOCALES } from "@/i18n/locales";
import { setLocaleAction } from "./locale-actions";

/** Each language is listed in its own tongue, so a reader lost in the wrong one can still find theirs. */
export function LanguagePicker({ className }: { className?: string }) {
  const t = useTranslations("shell");
  const names = useTranslations("languages");
  const locale = useLocale();
  const [pending, startTransition] = useTransition();

  return (
    <Select
      label={t("language")}
      hideLabel
      size="sm"
      className={className}
      value={locale}
      aria-busy={pending || undefined}
      onChange={(event) => {
        const next = event.target.value;
        startTransition(() => setLocaleAction(next));
      }}
    >
      {LOCALES.map((option) => (
        <option key={option} value={option} lang={option}>
          {names(option)}
        </option>
      ))}
    </Select>
  );
}
