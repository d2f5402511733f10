// Settings → API connections and Transactions log: the OAuth consumer form (mapped onto the OAuth
// engineer's consumerCreateSchema, which lib/data/consumers.ts validates again) and the list filters read
// from the URL. Error messages are keys of settings.errors in messages/<locale>/settings.json.
import { z } from "zod";
import { redirectUriProblem } from "@/lib/oauth/redirect";
import type { ConsumerCreateInput } from "./oauth";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, "tooLong").optional());
const optionalUrl = z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/, error: "invalidUrl" }).max(2000, "tooLong").optional());

/** The permission-group choice that means "dynamic permissions". */
export const DYNAMIC = "dynamic";

const redirectUri = z
  .string()
  .trim()
  .max(2000, "tooLong")
  .refine((uri) => redirectUriProblem(uri) === null, "invalidRedirect");

export const consumerFormSchema = z
  .object({
    name: z.string().trim().min(1, "required").max(100, "tooLong"),
    description: optionalText(500),
    authorizationCode: z.boolean(),
    clientCredentials: z.boolean(),
    /** confidential: has a secret; public: PKCE only (desktop and mobile apps that cannot keep one) */
    confidential: z.boolean(),
    redirectUris: z
      .array(z.string())
      .max(10, "tooMany")
      .transform((list) => list.map((u) => u.trim()).filter(Boolean))
      .pipe(z.array(redirectUri)),
    privacyPolicyUrl: optionalUrl,
    termsUrl: optionalUrl,
    /** "dynamic": the user picks the rights at consent (still capped by their role) */
    permissionGroupId: z.string().min(1, "groupRequired").max(200),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (!c.authorizationCode && !c.clientCredentials) issue("grantTypes", "grantRequired");
    if (c.authorizationCode && c.redirectUris.length === 0) issue("redirectUris", "redirectRequired");
    if (c.clientCredentials && !c.confidential) issue("grantTypes", "clientCredentialsNeedSecret");
    // A client-credentials token has no user to pick rights at consent: it needs a fixed group.
    if (c.clientCredentials && c.permissionGroupId === DYNAMIC) issue("permissionGroupId", "clientCredentialsNeedGroup");
  });
export type ConsumerForm = z.infer<typeof consumerFormSchema>;
export const consumerUpdateSchema = consumerFormSchema.safeExtend({ id: z.string().min(1).max(200) });

/** The form's fields as lib/data/consumers.ts takes them. */
export function toConsumerInput(form: ConsumerForm): ConsumerCreateInput {
  const dynamic = form.permissionGroupId === DYNAMIC;
  return {
    name: form.name,
    description: form.description,
    redirectUris: form.authorizationCode ? form.redirectUris : [],
    confidential: form.confidential,
    clientCredentials: form.clientCredentials,
    permissionGroupId: dynamic ? undefined : form.permissionGroupId,
    dynamicPermissions: dynamic,
    privacyPolicyUrl: form.privacyPolicyUrl,
    termsUrl: form.termsUrl,
  };
}

/** Search params are strings (or repeated); a blank or malformed one is simply ignored, never an error page. */
const first = (v: unknown) => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" && x.trim() !== "" ? x.trim() : undefined;
};
const param = z.preprocess(first, z.string().max(200).optional()).catch(undefined);
const day = z.preprocess(first, z.iso.date().optional()).catch(undefined);
const cursor = z.preprocess(first, z.string().max(500).optional()).catch(undefined);

export const authorizationFilterSchema = z.object({ consumer: param, user: param, cursor });
export type AuthorizationFilter = z.infer<typeof authorizationFilterSchema>;

export const auditFilterSchema = z.object({
  entity: param,
  action: param,
  user: param,
  consumer: param,
  from: day,
  to: day,
  cursor,
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const revokeSchema = z.object({ id: z.string().min(1).max(200) });
