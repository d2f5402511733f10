// "Who am I": the tenant, user and connected app behind this token, and what it may do — so an assistant
// can explain a refusal ("your connection has read-only access to work orders") instead of guessing.
// Reads nothing but the caller itself, so it needs no scope and no module right.
import { z } from "zod";
import { defineTool, READ_ONLY } from "../define";

const output = z.object({
  tenant: z.object({ slug: z.string(), name: z.string() }),
  user: z.object({ name: z.string(), email: z.string() }).nullable().describe("null for a machine (client-credentials) token"),
  consumer: z.object({ name: z.string() }).nullable().describe("the connected app"),
  permissions: z.array(z.string()).describe('effective rights as "module:action" (consumer group ∩ user role ∩ token scopes)'),
  scopes: z.array(z.string()).describe("OAuth scopes granted to this connection"),
});

export const whoami = defineTool({
  name: "whoami",
  title: "Who am I",
  description:
    "Returns the Fettle account (tenant), user and connected app behind this connection, with its effective permissions and granted scopes. Call it to explain what you can and cannot do.",
  scopes: [],
  permission: null,
  annotations: READ_ONLY,
  input: z.object({}),
  output,
  async handler(_input, { caller }) {
    if (!caller) throw new Error("whoami called without a caller");
    const permissions = [...caller.access.permissions].sort();
    const who = caller.user ? `${caller.user.name} <${caller.user.email}>` : "A machine client";
    const via = caller.consumer ? ` via ${caller.consumer.name}` : "";
    return {
      structured: {
        tenant: { slug: caller.tenant.slug, name: caller.tenant.name },
        user: caller.user ? { name: caller.user.name, email: caller.user.email } : null,
        consumer: caller.consumer ? { name: caller.consumer.name } : null,
        permissions,
        scopes: [...caller.scopes].sort(),
      },
      summary: `${who} in ${caller.tenant.name} (${caller.tenant.slug})${via}. Permissions: ${permissions.join(", ") || "none"}.`,
    };
  },
});
