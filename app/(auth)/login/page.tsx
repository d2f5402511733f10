import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguagePicker } from "@/components/shell/language-picker";
import { Logo } from "@/components/shell/logo";
import { redirect } from "next/navigation";
import { getSession, safeCallback } from "@/lib/auth/session";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  // Already signed in: straight on to where they were going.
  if (await getSession()) redirect(safeCallback(callbackUrl));
  const [t, tApp] = await Promise.all([getTranslations("login"), getTranslations("app")]);

  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-gradient-to-b from-brand-50 to-zinc-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex flex-col items-center text-center">
          <Logo className="size-12" />
          <p className="mt-4 text-2xl font-semibold tracking-tight text-zinc-900">{tApp("name")}</p>
          <p className="mt-1 text-sm text-zinc-600">{tApp("tagline")}</p>
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8">
          <h1 className="mb-6 text-lg font-semibold text-zinc-900">{t("title")}</h1>
          {/* The action checks that this is a same-site path; here it only travels along. */}
          <LoginForm callbackUrl={typeof callbackUrl === "string" ? callbackUrl : ""} />
        </div>
        <LanguagePicker className="mx-auto mt-6 w-48" />
      </div>
    </main>
  );
}
