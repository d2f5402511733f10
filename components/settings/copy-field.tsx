"use client";
import { useId } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { controlClasses } from "@/components/ui/field";
import { cx } from "@/components/ui/cx";
import { useToast } from "@/components/ui/toast";

/** A read-only value with a Copy button (keys, secrets, endpoint URLs). */
export function CopyField({ label, value, hint, secret = false }: { label: string; value: string; hint?: string; secret?: boolean }) {
  const t = useTranslations("settings.copy");
  const { toast } = useToast();
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-zinc-800">
        {label}
      </label>
      <div className="flex gap-2">
        <input
          id={id}
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => e.currentTarget.select()}
          className={cx(controlClasses, "h-10 min-w-0 flex-1 px-3 font-mono text-xs", secret && "bg-amber-50")}
          spellCheck={false}
        />
        <Button
          variant="secondary"
          aria-label={t("copyNamed", { label })}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
              toast(t("copied", { label }), { tone: "success" });
            } catch {
              toast(t("copyFailed"), { tone: "danger" });
            }
          }}
        >
          {t("copy")}
        </Button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-zinc-500">
          {hint}
        </p>
      )}
    </div>
  );
}
