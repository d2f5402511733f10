// Locale without i18n routing: URLs carry no locale, so it comes from the picker's cookie, then the
// signed-in user's saved language, then the browser.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getSession } from "@/lib/auth/session";
import { loadMessages, type Messages } from "./messages";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, matchAcceptLanguage, type Locale } from "./locales";

declare module "next-intl" {
  // Typed keys: a message missing from messages/en is a compile error, not a raw key on screen.
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}

export default getRequestConfig(async () => {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  const saved = isLocale(fromCookie) ? fromCookie : (await getSession())?.locale;
  const locale = isLocale(saved)
    ? saved
    : (matchAcceptLanguage((await headers()).get("accept-language")) ?? DEFAULT_LOCALE);
  const messages = await loadMessages(locale);
  return { locale, messages };
});
