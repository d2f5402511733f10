import "server-only";
// Tenant consumers, managed by the tenant's admins (Settings → API Connections → OAuth consumers). The
// client secret is generated here, stored with the slow hash only, and returned once — at creation and
// at rotation. Deleting a consumer deletes its authorizations and tokens with it (foreign-key cascade).
import { hashPassword } from "@/lib/auth/password";
import { withTenant } from "@/lib/db/tenant";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { newClientId, newSecret, PREFIX } from "@/lib/oauth/tokens";
import { consumerCreateSchema, type ConsumerCreateInput } from "@/lib/validation/oauth";
import type { Access } from "@/lib/tenancy";
import { audit } from "./oauth-state";

function requireAdmin(access: Access, action: "view" | "create" | "edit" | "delete") {
  if (!access.userId || !access.permissions.has(`settings:${action}`)) throw forbidden();
}

const listed = {
  id: true,
  name: true,
  description: true,
  clientId: true,
  grantTypes: true,
  redirectUris: true,
  privacyPolicyUrl: true,
  termsUrl: true,
  permissionGroupId: true,
  dynamicPermissions: true,
  disabled: true,
  lastUsedAt: true,
  createdAt: true,
  secretHash: true,
} as const;

type Row = { secretHash: string | null } & Record<string, unknown>;
/** The secret's hash never leaves this module; callers learn only whether there is one. */
const present = <T extends Row>({ secretHash, ...rest }: T) => ({ ...rest, confidential: secretHash !== null });


function findRow(access: Access, id: string) {
  return withTenant(access.tenantId, access.userId, (tx) =>
    tx.oAuthConsumer.findFirst({ where: { id, tenantId: access.tenantId }, select: listed }),
  );
}

export async function listConsumers(access: Access) {
  requireAdmin(access, "view");
  const rows = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.oAuthConsumer.findMany({ where: { tenantId: access.tenantId }, select: listed, orderBy: { createdAt: "desc" } }),
  );
  return rows.map(present);
}

export async function getConsumer(access: Access, id: string) {
  requireAdmin(access, "view");
  const row = await findRow(access, id);
  if (!row) throw notFound("Consumer not found");
  return present(row);
}

/** Creates a consumer; `clientSecret` is the only time the secret is ever shown (null for public consumers). */
export async function createConsumer(access: Access, input: ConsumerCreateInput) {
  requireAdmin(access, "create");
  const parsed = consumerCreateSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "Invalid consumer", parsed.error.issues);
  const data = parsed.data;
  const clientSecret = data.confidential ? newSecret(PREFIX.clientSecret) : null;
  const secretHash = clientSecret ? await hashPassword(clientSecret) : null;
  const grantTypes = [
    ...(data.redirectUris.length ? ["authorization_code", "refresh_token"] : []),
    ...(data.clientCredentials ? ["client_credentials"] : []),
  ];
  const consumer = await withTenant(access.tenantId, access.userId, async (tx) => {
    if (data.permissionGroupId) {
      const group = await tx.permissionGroup.findFirst({ where: { id: data.permissionGroupId, tenantId: access.tenantId }, select: { id: true } });
      if (!group) throw notFound("Permission group not found");
    }
    const row = await tx.oAuthConsumer.create({
      data: {
        tenantId: access.tenantId,
        name: data.name,
        description: data.description,
        clientId: newClientId(),
        secretHash,
        grantTypes,
        redirectUris: data.redirectUris,
        privacyPolicyUrl: data.privacyPolicyUrl,
        termsUrl: data.termsUrl,
        permissionGroupId: data.dynamicPermissions ? null : data.permissionGroupId,
        dynamicPermissions: data.dynamicPermissions,
        registration: "manual",
      },
      select: listed,
    });
    await audit(tx, { tenantId: access.tenantId, userId: access.userId, consumerId: row.id, action: "oauth.consumer.create", entity: "OAuthConsumer", entityId: row.id, after: { name: row.name, grantTypes, confidential: secretHash !== null } });
    return row;
  });
  return { consumer: present(consumer), clientSecret };
}

/** A new secret replaces the old one at once; returned this one time. */
export async function rotateConsumerSecret(access: Access, id: string): Promise<{ clientSecret: string }> {
  requireAdmin(access, "edit");
  const clientSecret = newSecret(PREFIX.clientSecret);
  const secretHash = await hashPassword(clientSecret);
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const { count } = await tx.oAuthConsumer.updateMany({ where: { id, tenantId: access.tenantId, secretHash: { not: null } }, data: { secretHash } });
    if (count === 0) throw notFound("Consumer not found");
    await audit(tx, { tenantId: access.tenantId, userId: access.userId, consumerId: id, action: "oauth.consumer.rotate_secret", entity: "OAuthConsumer", entityId: id });
  });
  return { clientSecret };
}

/** A disabled consumer's tokens stop working on the next call; enabling it again revives live ones. */
export async function setConsumerDisabled(access: Access, id: string, disabled: boolean): Promise<void> {
  requireAdmin(access, "edit");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const { count } = await tx.oAuthConsumer.updateMany({ where: { id, tenantId: access.tenantId }, data: { disabled } });
    if (count === 0) throw notFound("Consumer not found");
    await audit(tx, { tenantId: access.tenantId, userId: access.userId, consumerId: id, action: disabled ? "oauth.consumer.disable" : "oauth.consumer.enable", entity: "OAuthConsumer", entityId: id });
  });
}

export async function deleteConsumer(access: Access, id: string): Promise<void> {
  requireAdmin(access, "delete");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const row = await tx.oAuthConsumer.findFirst({ where: { id, tenantId: access.tenantId }, select: { name: true } });
    if (!row) throw notFound("Consumer not found");
    // Written before the delete: the audit row keeps entityId; its consumerId link is set null by the cascade.
    await audit(tx, { tenantId: access.tenantId, userId: access.userId, consumerId: id, action: "oauth.consumer.delete", entity: "OAuthConsumer", entityId: id, after: { name: row.name } });
    await tx.oAuthConsumer.deleteMany({ where: { id, tenantId: access.tenantId } });
  });
}
