import type { Module } from "@/lib/tenancy/permissions";

/** The tenant's sections, in menu order. `module` is the permission a user needs to see the entry. */
export const NAV_ITEMS = [
  { key: "dashboard", path: "", module: null },
  { key: "workOrders", path: "/work-orders", module: "workorders" },
  { key: "assets", path: "/assets", module: "assets" },
  { key: "requests", path: "/requests", module: "requests" },
  { key: "plans", path: "/plans", module: "plans" },
  { key: "inventory", path: "/inventory", module: "inventory" },
  { key: "settings", path: "/settings", module: "settings" },
] as const satisfies readonly { key: string; path: string; module: Module | null }[];

/** What the client-side menu needs: a resolved link and its translated label. */
export type NavLink = { href: string; label: string; exact: boolean };
