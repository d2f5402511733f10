// Schemas of the OAuth endpoints' inputs (RFC 6749 §4.1.3, §6, §4.4; RFC 7591 §2) and of the tenant
// settings that govern self-registered clients. Shared by lib/oauth and the admin screens.
import { z } from "zod";
import { redirectUriProblem } from "@/lib/oauth/redirect";

const param = (max = 2048) => z.string().min(1).max(max);

/** RFC 6749 §3.2: the token request, one shape per grant type. */
export const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({
    grant_type: z.literal("authorization_code"),
    code: param(512),
    redirect_uri: param(),
    code_verifier: param(256),
    resource: param().optional(),
  }),
  z.object({
    grant_type: z.literal("refresh_token"),
    refresh_token: param(512),
    scope: param(1000).optional(),
    resource: param().optional(),
  }),
  z.object({
    grant_type: z.literal("client_credentials"),
    scope: param(1000).optional(),
    resource: param().optional(),
  }),
]);
export type TokenRequest = z.infer<typeof tokenRequestSchema>;
export const GRANT_TYPES = ["authorization_code", "refresh_token", "client_credentials"] as const;

/** RFC 7009 §2.1 */
export const revocationRequestSchema = z.object({
  token: param(512),
  token_type_hint: z.string().max(64).optional(),
});

const redirectUri = z
  .string()
  .max(2000)
  .superRefine((uri, ctx) => {
    const problem = redirectUriProblem(uri);
    if (problem) ctx.addIssue({ code: "custom", message: `redirect_uri ${problem}` });
  });

const optionalUrl = z.url({ protocol: /^https?$/ }).max(2000).optional();

/**
 * RFC 7591 §2: what Claude, ChatGPT and other MCP clients send. Unknown members are ignored (§3.1 lets the
 * server ignore metadata it does not understand); client_credentials is not offered to clients no tenant owns.
 */
export const registrationSchema = z.looseObject({
  redirect_uris: z.array(redirectUri).min(1).max(10),
  token_endpoint_auth_method: z.enum(["none", "client_secret_post", "client_secret_basic"]).default("client_secret_basic"),
  grant_types: z
    .array(z.enum(["authorization_code", "refresh_token"]))
    .min(1)
    .default(["authorization_code"])
    .refine((g) => g.includes("authorization_code"), "grant_types must include authorization_code"),
  response_types: z.array(z.literal("code")).min(1).default(["code"]),
  client_name: z.string().trim().min(1).max(200).optional(),
  client_uri: optionalUrl,
  policy_uri: optionalUrl,
  tos_uri: optionalUrl,
  scope: z.string().max(1000).optional(),
});
export type RegistrationRequest = z.infer<typeof registrationSchema>;

/** A Client ID Metadata Document: the same metadata, plus client_id, public clients only. */
export const metadataDocumentSchema = z.looseObject({
  client_id: z.string(),
  client_name: z.string().trim().min(1).max(200).optional(),
  redirect_uris: z.array(redirectUri).min(1).max(10),
  token_endpoint_auth_method: z.literal("none").default("none"),
  grant_types: z.array(z.string()).default(["authorization_code"]),
  response_types: z.array(z.literal("code")).default(["code"]),
  client_uri: optionalUrl,
  policy_uri: optionalUrl,
  tos_uri: optionalUrl,
});

/** An admin's new tenant consumer (Settings → API Connections → OAuth consumers). */
export const consumerCreateSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().max(500).optional(),
    redirectUris: z.array(redirectUri).max(10).default([]),
    /** confidential = has a secret (client_secret_basic / _post); public = PKCE only (`none`) */
    confidential: z.boolean().default(true),
    /** allow the client_credentials grant (confidential consumers only) */
    clientCredentials: z.boolean().default(false),
    permissionGroupId: z.string().min(1).max(100).optional(),
    dynamicPermissions: z.boolean().default(false),
    privacyPolicyUrl: optionalUrl,
    termsUrl: optionalUrl,
  })
  .refine((c) => c.confidential || !c.clientCredentials, "client_credentials needs a confidential consumer")
  .refine((c) => c.redirectUris.length > 0 || c.clientCredentials, "add at least one redirect URI")
  .refine((c) => c.dynamicPermissions || c.permissionGroupId, "choose a permission group or dynamic permissions");
export type ConsumerCreateInput = z.input<typeof consumerCreateSchema>;

/** Tenant.settings members that govern self-registered (DCR / CIMD) clients. */
export const selfRegistrationSettingsSchema = z.looseObject({
  allowSelfRegisteredClients: z.boolean().catch(false).default(false),
  selfRegisteredGroupId: z.string().optional().catch(undefined),
});
