"use server";
// Settings → Roles: custom roles only; built-in profiles are read-only (lib/data/roles.ts).
import { tenantAction } from "@/lib/actions/tenant-action";
import { createRole, deleteRole, updateRole } from "@/lib/data/roles";
import { roleSchema, roleUpdateSchema } from "@/lib/validation/settings-access";
import { idSchema } from "@/lib/validation/settings";
import { requestIp } from "../guard";

export const addRole = tenantAction({
  permission: ["settings", "create"],
  schema: roleSchema,
  run: async (access, input) => createRole(access, input, await requestIp()),
});

export const saveRole = tenantAction({
  permission: ["settings", "edit"],
  schema: roleUpdateSchema,
  run: async (access, { id, ...input }) => updateRole(access, id, input, await requestIp()),
});

export const removeRole = tenantAction({
  permission: ["settings", "delete"],
  schema: idSchema,
  run: async (access, { id }) => deleteRole(access, id, await requestIp()),
});
