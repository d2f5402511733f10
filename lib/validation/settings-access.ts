// Who may do what in a tenant (Settings → User accounts, Roles, Permission groups). Error messages are keys
// of settings.errors in messages/<locale>/settings.json.
import { z } from "zod";
import { ACTIONS, MODULES, SCOPE_MODULES, type Action, type Module, type PermissionMatrix } from "@/lib/tenancy/permissions";

const id = z.string().min(1).max(200);

export const addMemberSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, "tooLong").pipe(z.email("invalidEmail")),
  name: z.string().trim().min(1, "required").max(100, "tooLong"),
  roleId: id,
  /** optional: without one, a temporary password is generated and shown once */
  password: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200, "tooLong").optional()),
});
export type AddMemberInput = z.infer<typeof addMemberSchema>;

export const memberRoleSchema = z.object({ membershipId: id, roleId: id });
export const memberActiveSchema = z.object({ membershipId: id, active: z.boolean() });
export const memberSchema = z.object({ membershipId: id });

/** Metrics are read-only everywhere (ARCHITECTURE.md §3): only "view" means something for them. */
export function actionsFor(module: Module): readonly Action[] {
  return module === "metrics" ? ["view"] : ACTIONS;
}

/**
 * A module × action matrix limited to `modules`. Any right on a module implies seeing it, so "view" is
 * added wherever another action is ticked; meaningless cells (metrics beyond view) are dropped.
 */
export function normalizeMatrix(raw: Partial<Record<string, readonly string[] | undefined>>, modules: readonly Module[]): PermissionMatrix {
  const out: PermissionMatrix = {};
  for (const module of modules) {
    const allowed = actionsFor(module);
    const picked = new Set((raw[module] ?? []).filter((a): a is Action => (allowed as readonly string[]).includes(a)));
    if (picked.size) picked.add("view");
    if (picked.size) out[module] = ACTIONS.filter((a) => picked.has(a));
  }
  return out;
}

const matrix = (modules: readonly Module[]) =>
  z
    .partialRecord(z.enum(MODULES), z.array(z.enum(ACTIONS)).max(ACTIONS.length))
    .default({})
    .transform((m) => normalizeMatrix(m, modules));

export const roleSchema = z.object({
  name: z.string().trim().min(1, "required").max(60, "tooLong"),
  permissions: matrix(MODULES),
});
export type RoleInput = z.infer<typeof roleSchema>;
export const roleUpdateSchema = roleSchema.extend({ id });

/** Permission groups cap OAuth consumers, so only the modules a scope can name matter. */
export const permissionGroupSchema = z.object({
  name: z.string().trim().min(1, "required").max(60, "tooLong"),
  permissions: matrix(SCOPE_MODULES),
});
export type PermissionGroupInput = z.infer<typeof permissionGroupSchema>;
export const permissionGroupUpdateSchema = permissionGroupSchema.extend({ id });
