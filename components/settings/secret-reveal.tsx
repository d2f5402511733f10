"use client";
import { useTranslations } from "next-intl";
import { CopyField } from "./copy-field";

/**
 * The consumer's key and, once, its secret. The secret lives only in this component's props (the action's
 * response): it is not in the URL, not stored, and gone on reload — only its slow hash is kept.
 */
export function SecretReveal({ clientId, clientSecret }: { clientId?: string; clientSecret: string | null }) {
  const t = useTranslations("settings.consumers");
  return (
    <div className="flex flex-col gap-4">
      {clientId && <CopyField label={t("key")} value={clientId} />}
      {clientSecret ? (
        <>
          <CopyField label={t("secret")} value={clientSecret} secret />
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("secretOnce")}
          </p>
        </>
      ) : (
        <p className="text-sm text-zinc-600">{t("publicNoSecret")}</p>
      )}
    </div>
  );
}
