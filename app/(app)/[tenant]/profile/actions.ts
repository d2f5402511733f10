"use server";
// Profile → Connected apps: any member may revoke their own app authorizations (no settings right needed),
// and only their own — even an admin uses Settings → App authorizations for other people's.
import { tenantAction } from "@/lib/actions/tenant-action";
import { isOwnAuthorization } from "@/lib/data/consumer-admin";
import { revokeAuthorization } from "@/lib/data/oauth-grants";
import { notFound } from "@/lib/errors";
import { revokeSchema } from "@/lib/validation/settings-api";
import { requestIp } from "../settings/guard";

export const revokeConnectedApp = tenantAction({
  permission: null,
  schema: revokeSchema,
  run: async (access, { id }) => {
    if (!(await isOwnAuthorization(access, id))) throw notFound("Authorization not found");
    await revokeAuthorization(access, id, await requestIp());
  },
});
