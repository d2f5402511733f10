import { getTranslations } from "next-intl/server";
import { ProfileLink } from "@/components/settings/profile-link";
import { SubmitButton } from "@/components/ui/submit-button";
import { signOutAction } from "@/lib/auth/session";

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
}

/** The signed-in user and the way out. */
export async function UserMenu({ name }: { name: string }) {
  const t = await getTranslations("shell");
  return (
    <div className="flex items-center gap-3 md:border-l md:border-zinc-200 md:pl-3">
      <span
        className="flex size-8 shrink-0 items-center justify-center rounded-full bg-zinc-100 text-xs font-semibold text-zinc-700"
        aria-hidden="true"
      >
        {initials(name)}
      </span>
      <ProfileLink name={name} />
      <form action={signOutAction}>
        <SubmitButton variant="ghost" size="sm">
          {t("signOut")}
        </SubmitButton>
      </form>
    </div>
  );
}
