import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { requireUser, signOutAction } from "@/lib/auth/session";
import { listUserTenants } from "@/lib/tenancy";

/** Signed in, but a member of no tenant (e.g. every membership was removed). */
export default async function NoTenantPage() {
  const user = await requireUser();
  const tenants = await listUserTenants(user.id);
  if (tenants.length > 0) redirect(`/${tenants[0].slug}`);
  const t = await getTranslations("noTenant");
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="max-w-md text-center">
        <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{t("title")}</h1>
        <p className="mt-3 text-zinc-600">{t("description")}</p>
        <form action={signOutAction} className="mt-8">
          <Button type="submit" variant="secondary">
            {t("signOut")}
          </Button>
        </form>
      </div>
    </main>
  );
}
