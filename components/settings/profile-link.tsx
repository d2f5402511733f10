"use client";
import Link from "next/link";
import { useParams } from "next/navigation";
import { useTranslations } from "next-intl";

/** The signed-in user's name, linking to their profile (and Connected apps) in the current tenant. */
export function ProfileLink({ name }: { name: string }) {
  const t = useTranslations("profile");
  const { tenant } = useParams<{ tenant?: string }>();
  if (!tenant) return <span className="min-w-0 flex-1 truncate text-sm font-medium text-zinc-800 md:max-w-40">{name}</span>;
  return (
    <Link
      href={`/${tenant}/profile`}
      className="min-w-0 flex-1 truncate rounded-md text-sm font-medium text-zinc-800 underline-offset-2 hover:underline md:max-w-40"
      title={t("linkTitle")}
    >
      {name}
      <span className="sr-only"> — {t("linkTitle")}</span>
    </Link>
  );
}
