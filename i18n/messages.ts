// Messages are split by feature (messages/<locale>/<feature>.json) so screens can be added without
// editing one shared file; every feature's keys are top-level namespaces. English is the reference:
// its types make a missing key a compile error.
import type core from "@/messages/en/core.json";
import type oauth from "@/messages/en/oauth.json";
import type { Locale } from "./locales";

export type Messages = typeof core & typeof oauth;

export const FEATURES = ["core", "oauth"] as const;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(FEATURES.map((f) => import(`../messages/${locale}/${f}.json`).then((m) => m.default)));
  return Object.assign({}, ...parts);
}
