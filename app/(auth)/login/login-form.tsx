"use client";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { loginAction, type LoginState } from "./actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("login");
  const [state, formAction, pending] = useActionState<LoginState, FormData>(loginAction, {});
  // React resets a form after its action; the email comes back as the field's default, the password does not.
  const [email, setEmail] = useState("");

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Input
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={email}
        onChange={(event) => setEmail(event.target.value)}
      />
      <Input label={t("password")} name="password" type="password" autoComplete="current-password" required />
      {/* Mounted per failed attempt, so a repeated error is announced again. Never says which field was wrong. */}
      {state.error && !pending && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {t(`errors.${state.error}`)}
        </p>
      )}
      <Button type="submit" pending={pending} className="mt-2 w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
