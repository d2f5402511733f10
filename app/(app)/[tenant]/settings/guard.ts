import "server-only";
// Every Settings page and handler calls this (a layout check alone protects nothing): a member without
// settings rights gets the same 404 as a stranger, so the area does not even admit it exists.
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { clientIp } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { can, requireTenant, type TenantContext } from "@/lib/tenancy";

export async function requireSettingsPage(slug: string): Promise<TenantContext> {
  const ctx = await requireTenant(slug);
  if (!can(ctx.access, "settings", "view")) notFound();
  return ctx;
}

/** The caller's address, for the Transactions log. */
export async function requestIp(): Promise<string | null> {
  return clientIp(await headers());
}

/** A lib/data "not found" (another tenant's id, a deleted row) becomes the page's 404. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  }
}

/** A cursor that does not decode is a stale or edited link, not a server error: show the first page. */
export async function readPage<T>(cursor: string | undefined, read: (cursor: string | undefined) => Promise<T>): Promise<T> {
  try {
    return await read(cursor);
  } catch (e) {
    if (cursor && e instanceof AppError && e.code === "invalid") return read(undefined);
    throw e;
  }
}
