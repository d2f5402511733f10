import "server-only";
// The one wrapper every UI server action goes through. Server actions are public POST endpoints, so each
// step runs on every call: authenticate → resolve the tenant (membership) → validate input with the
// shared zod schema → check the permission → run the lib/data operation → map errors. Unexpected error
// text never reaches the browser; it goes to the server log.
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { errorFields, log } from "@/lib/log";
import { can, requireTenant, type Access, type TenantContext } from "@/lib/tenancy";
import type { Action, Module } from "@/lib/tenancy/permissions";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: AppError["code"] | "server_error"; message?: string; fieldErrors?: Record<string, string[]> };

interface Definition<S extends z.ZodType, T> {
  /**
   * e.g. ["workorders", "edit"]; checked before the operation runs. null: any member of the tenant (for a
   * user's own things, e.g. revoking their own connected app — the operation checks ownership itself).
   */
  permission: [Module, Action] | null;
  schema: S;
  run: (access: Access, input: z.infer<S>, ctx: TenantContext) => Promise<T>;
}

export function tenantAction<S extends z.ZodType, T>(def: Definition<S, T>) {
  return async (slug: string, raw: unknown): Promise<ActionResult<T>> => {
    try {
      const ctx = await requireTenant(slug);
      const parsed = def.schema.safeParse(raw);
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join(".") || "_";
          (fieldErrors[key] ??= []).push(issue.message);
        }
        return { ok: false, error: "invalid", fieldErrors };
      }
      if (def.permission && !can(ctx.access, ...def.permission)) return { ok: false, error: "forbidden" };
      return { ok: true, data: await def.run(ctx.access, parsed.data, ctx) };
    } catch (e) {
      // Next's redirect() and notFound() work by throwing: let them through.
      unstable_rethrow(e);
      if (e instanceof AppError) return { ok: false, error: e.code, message: e.message };
      log.error("server action failed", { tenant: slug, ...errorFields(e) });
      return { ok: false, error: "server_error" };
    }
  };
}

/** FormData → plain object for zod (repeated keys become arrays). */
export function formObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    const prior = out[key];
    out[key] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  return out;
}
