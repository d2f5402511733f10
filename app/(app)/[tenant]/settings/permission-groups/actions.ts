"use server";
// Settings → Permission groups: the ceilings of OAuth consumers (lib/data/permission-groups.ts).
import { tenantAction } from "@/lib/actions/tenant-action";
import { createPermissionGroup, deletePermissionGroup, updatePermissionGroup } from "@/lib/data/permission-groups";
import { permissionGroupSchema, permissionGroupUpdateSchema } from "@/lib/validation/settings-access";
import { idSchema } from "@/lib/validation/settings";
import { requestIp } from "../guard";

export const addGroup = tenantAction({
  permission: ["settings", "create"],
  schema: permissionGroupSchema,
  run: async (access, input) => createPermissionGroup(access, input, await requestIp()),
});

export const saveGroup = tenantAction({
  permission: ["settings", "edit"],
  schema: permissionGroupUpdateSchema,
  run: async (access, { id, ...input }) => updatePermissionGroup(access, id, input, await requestIp()),
});

export const removeGroup = tenantAction({
  permission: ["settings", "delete"],
  schema: idSchema,
  run: async (access, { id }) => deletePermissionGroup(access, id, await requestIp()),
});
