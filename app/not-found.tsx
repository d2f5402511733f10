import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";

export default async function NotFound() {
  const t = await getTranslations("notFound");
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-700">404</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-zinc-900">{t("title")}</h1>
        <p className="mt-3 text-zinc-600">{t("description")}</p>
        <Link href="/" className={cx(buttonClasses(), "mt-8")}>
          {t("home")}
        </Link>
      </div>
    </main>
  );
}
