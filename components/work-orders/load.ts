import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getWorkOrder } from "@/lib/data/work-orders";
import { AppError } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy";

/**
 * A work order page's record, by code (the links use it) or id; missing or another tenant's is a 404.
 * Cached per request, so the page and its metadata share one read.
 */
export const loadWorkOrder = cache(async (access: Access, ref: string) => {
  if (!can(access, "workorders", "view")) notFound();
  let key = ref;
  try {
    key = decodeURIComponent(ref);
  } catch {
    notFound();
  }
  try {
    return await getWorkOrder(access, key);
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
});
