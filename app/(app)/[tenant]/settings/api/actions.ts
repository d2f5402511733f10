"use server";
// Settings → API connections. Creating, rotating, disabling and deleting consumers and revoking
// authorizations are the OAuth engineer's operations (lib/data/consumers.ts, lib/data/oauth-grants.ts);
// the secret they return travels to the browser once, in this response, and is stored nowhere but as a hash.
import { tenantAction } from "@/lib/actions/tenant-action";
import { updateConsumer } from "@/lib/data/consumer-admin";
import { createConsumer, deleteConsumer, rotateConsumerSecret, setConsumerDisabled } from "@/lib/data/consumers";
import { revokeAuthorization } from "@/lib/data/oauth-grants";
import { idSchema } from "@/lib/validation/settings";
import { consumerFormSchema, consumerUpdateSchema, revokeSchema, toConsumerInput } from "@/lib/validation/settings-api";
import { z } from "zod";
import { requestIp } from "../guard";

export const addConsumer = tenantAction({
  permission: ["settings", "create"],
  schema: consumerFormSchema,
  run: async (access, form) => {
    const { consumer, clientSecret } = await createConsumer(access, toConsumerInput(form));
    return { id: consumer.id, clientId: consumer.clientId, clientSecret };
  },
});

export const saveConsumer = tenantAction({
  permission: ["settings", "edit"],
  schema: consumerUpdateSchema,
  run: async (access, { id, ...form }) => updateConsumer(access, id, form, await requestIp()),
});

export const rotateSecret = tenantAction({
  permission: ["settings", "edit"],
  schema: idSchema,
  run: (access, { id }) => rotateConsumerSecret(access, id),
});

export const setConsumerEnabled = tenantAction({
  permission: ["settings", "edit"],
  schema: z.object({ id: z.string().min(1).max(200), enabled: z.boolean() }),
  run: (access, { id, enabled }) => setConsumerDisabled(access, id, !enabled),
});

export const removeConsumer = tenantAction({
  permission: ["settings", "delete"],
  schema: idSchema,
  run: (access, { id }) => deleteConsumer(access, id),
});

export const revokeAppAuthorization = tenantAction({
  permission: ["settings", "edit"],
  schema: revokeSchema,
  run: async (access, { id }) => revokeAuthorization(access, id, await requestIp()),
});
