// The permission algebra of ARCHITECTURE.md §3: a matrix module × {view, create, edit, delete} for
// roles and permission groups, scopes `<module>:read|write` for tokens, and their intersection.
import { z } from "zod";

export const MODULES = ["workorders", "assets", "requests", "plans", "inventory", "metrics", "settings"] as const;
export type Module = (typeof MODULES)[number];
export const ACTIONS = ["view", "create", "edit", "delete"] as const;
export type Action = (typeof ACTIONS)[number];

/** Modules an OAuth scope can name (settings stays browser-only; metrics is read-only). */
export const SCOPE_MODULES = ["workorders", "assets", "requests", "plans", "inventory", "metrics"] as const;

export const permissionMatrixSchema = z.partialRecord(z.enum(MODULES), z.array(z.enum(ACTIONS)));
export type PermissionMatrix = z.infer<typeof permissionMatrixSchema>;

/** Effective rights as a set of "module:action" strings. */
export type Permissions = ReadonlySet<`${Module}:${Action}`>;

export function toPermissions(matrix: unknown): Permissions {
  const parsed = permissionMatrixSchema.safeParse(matrix);
  const set = new Set<`${Module}:${Action}`>();
  if (!parsed.success) return set;
  for (const [mod, actions] of Object.entries(parsed.data) as [Module, Action[]][]) {
    for (const action of actions ?? []) set.add(`${mod}:${action}`);
  }
  return set;
}

export function intersect(a: Permissions, b: Permissions): Permissions {
  return new Set([...a].filter((x) => b.has(x)));
}

/** Scopes → permissions: read = view; write = create + edit (+ delete, still capped by role and group). */
export function scopesToPermissions(scopes: readonly string[]): Permissions {
  const set = new Set<`${Module}:${Action}`>();
  for (const scope of scopes) {
    const [mod, level] = scope.split(":");
    if (!(SCOPE_MODULES as readonly string[]).includes(mod)) continue;
    const m = mod as Module;
    if (level === "read") set.add(`${m}:view`);
    if (level === "write" && m !== "metrics") {
      set.add(`${m}:create`);
      set.add(`${m}:edit`);
      set.add(`${m}:delete`);
    }
  }
  return set;
}

const all = (...mods: Module[]): PermissionMatrix =>
  Object.fromEntries(mods.map((m) => [m, m === "metrics" ? ["view"] : [...ACTIONS]]));

/** The built-in profiles every tenant starts with. */
export const BUILT_IN_ROLES: Record<string, { name: string; permissions: PermissionMatrix }> = {
  administrator: { name: "Administrator", permissions: all(...MODULES) },
  technician: {
    name: "Technician",
    permissions: {
      workorders: ["view", "create", "edit"],
      assets: ["view", "create", "edit"],
      requests: ["view", "create", "edit"],
      plans: ["view"],
      inventory: ["view", "edit"],
      metrics: ["view"],
    },
  },
  limited_technician: {
    name: "Limited technician",
    permissions: { workorders: ["view", "edit"], assets: ["view"], requests: ["view", "create"], inventory: ["view"] },
  },
  read_only: {
    name: "Read-only",
    permissions: {
      workorders: ["view"],
      assets: ["view"],
      requests: ["view"],
      plans: ["view"],
      inventory: ["view"],
      metrics: ["view"],
    },
  },
  requester: { name: "Requester", permissions: { requests: ["view", "create"], assets: ["view"] } },
};
