import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { can, requireTenant } from "@/lib/tenancy";

/**
 * The inventory module is invisible without inventory:view. Checked here, above the list pages' loading
 * boundary, so the answer is a real 404 rather than a streamed page (each page checks its own right again).
 */
export default async function InventoryLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { access } = await requireTenant((await params).tenant);
  if (!can(access, "inventory", "view")) notFound();
  return children;
}
