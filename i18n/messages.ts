// Messages are split by feature (messages/<locale>/<feature>.json) so screens can be added without
// editing one shared file; every feature's keys are top-level namespaces. English is the reference:
// its types make a missing key a compile error.
import type core from "@/messages/en/core.json";
import type oauth from "@/messages/en/oauth.json";
import type settings from "@/messages/en/settings.json";
import type workOrders from "@/messages/en/work-orders.json";
import type assets from "@/messages/en/assets.json";
import type requests from "@/messages/en/requests.json";
import type dashboardKpi from "@/messages/en/dashboard-kpi.json";
import type plans from "@/messages/en/plans.json";
import type inventory from "@/messages/en/inventory.json";
import type { Locale } from "./locales";

export type Messages = typeof core & typeof oauth & typeof settings & typeof workOrders & typeof assets & typeof requests & typeof dashboardKpi & typeof plans & typeof inventory;

export const FEATURES = ["core", "oauth", "settings", "work-orders", "assets", "requests", "dashboard-kpi", "plans", "inventory"] as const;

export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(FEATURES.map((f) => import(`../messages/${locale}/${f}.json`).then((m) => m.default)));
  return Object.assign({}, ...parts);
}
