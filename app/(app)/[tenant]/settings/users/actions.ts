"use server";
// Settings → User accounts: memberships of this tenant only (lib/data/members.ts explains why).
import { tenantAction } from "@/lib/actions/tenant-action";
import { addMember, changeMemberRole, removeMember, setMemberActive } from "@/lib/data/members";
import { addMemberSchema, memberActiveSchema, memberRoleSchema, memberSchema } from "@/lib/validation/settings-access";
import { requestIp } from "../guard";

export const addUser = tenantAction({
  permission: ["settings", "create"],
  schema: addMemberSchema,
  run: async (access, input) => addMember(access, input, await requestIp()),
});

export const changeRole = tenantAction({
  permission: ["settings", "edit"],
  schema: memberRoleSchema,
  run: async (access, { membershipId, roleId }) => changeMemberRole(access, membershipId, roleId, await requestIp()),
});

export const setActive = tenantAction({
  permission: ["settings", "edit"],
  schema: memberActiveSchema,
  run: async (access, { membershipId, active }) => setMemberActive(access, membershipId, active, await requestIp()),
});

export const removeUser = tenantAction({
  permission: ["settings", "delete"],
  schema: memberSchema,
  run: async (access, { membershipId }) => removeMember(access, membershipId, await requestIp()),
});
