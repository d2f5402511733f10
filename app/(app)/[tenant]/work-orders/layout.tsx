import type { ReactNode } from "react";
import { notFound } from "next/navigation";
import { can, requireTenant } from "@/lib/tenancy";

/**
 * Answers 404 for users who may not see work orders before the list's loading boundary starts streaming
 * (after that, a page's notFound() could only render the 404 view under a 200 status). Each page still
 * checks for itself: a layout check alone protects nothing.
 */
export default async function WorkOrdersLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { access } = await requireTenant((await params).tenant);
  if (!can(access, "workorders", "view")) notFound();
  return children;
}
