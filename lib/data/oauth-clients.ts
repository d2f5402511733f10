import "server-only";
// OAuth clients as the protocol sees them: lookup by client_id before any tenant is known (RLS shows a
// consumer row to whoever presents its client_id), Dynamic Client Registration (RFC 7591) and Client ID
// Metadata Document clients. Self-registered clients belong to no tenant (tenantId NULL).
import { db } from "@/lib/db/client";
import { withUser } from "@/lib/db/tenant";
import { UNUSED_CLIENT_DAYS } from "@/lib/oauth/config";

export const clientSelect = {
  id: true,
  tenantId: true,
  name: true,
  clientId: true,
  secretHash: true,
  grantTypes: true,
  redirectUris: true,
  permissionGroupId: true,
  dynamicPermissions: true,
  registration: true,
  disabled: true,
  privacyPolicyUrl: true,
  termsUrl: true,
} as const;

export type Client = {
  id: string;
  tenantId: string | null;
  name: string;
  clientId: string;
  secretHash: string | null;
  grantTypes: string[];
  redirectUris: string[];
  permissionGroupId: string | null;
  dynamicPermissions: boolean;
  registration: "manual" | "dcr" | "cimd";
  disabled: boolean;
  privacyPolicyUrl: string | null;
  termsUrl: string | null;
};

/** One statement, no transaction: app_oauth_client() (migration 20261204010000) sets the lookup itself. */
export async function findClient(clientId: string): Promise<Client | null> {
  if (!clientId || clientId.length > 2000) return null;
  const [row] = await (await db()).$queryRaw<Client[]>`
    SELECT "id", "tenantId", "name", "clientId", "secretHash", "grantTypes", "redirectUris", "permissionGroupId",
           "dynamicPermissions", "registration"::text AS "registration", "disabled", "privacyPolicyUrl", "termsUrl"
      FROM app_oauth_client(${clientId})`;
  return row ?? null;
}

export interface NewSelfRegisteredClient {
  clientId: string;
  secretHash: string | null;
  name: string;
  redirectUris: string[];
  grantTypes: string[];
  privacyPolicyUrl?: string;
  termsUrl?: string;
}

/**
 * RFC 7591 §3: stores a registration. Registrations nobody used for UNUSED_CLIENT_DAYS are pruned here, so
 * an open registration endpoint cannot grow the table without bound. `lastUsedAt` moves on every token
 * issued, and refresh tokens last as long, so a pruned client holds no live grant.
 */
export async function registerClient(input: NewSelfRegisteredClient): Promise<Client> {
  const cutoff = new Date(Date.now() - UNUSED_CLIENT_DAYS * 86_400_000);
  return withUser(null, async (tx) => {
    await tx.oAuthConsumer.deleteMany({
      where: {
        tenantId: null,
        registration: { in: ["dcr", "cimd"] },
        OR: [{ lastUsedAt: null, createdAt: { lt: cutoff } }, { lastUsedAt: { lt: cutoff } }],
      },
    });
    return tx.oAuthConsumer.create({
      data: { ...input, tenantId: null, registration: "dcr" },
      select: clientSelect,
    });
  });
}

/** A metadata-document client (client_id = the document's https URL), refreshed from each new fetch. */
export async function upsertMetadataClient(input: { clientId: string; name: string; redirectUris: string[] }): Promise<Client> {
  return withUser(null, (tx) =>
    tx.oAuthConsumer.upsert({
      where: { clientId: input.clientId },
      create: {
        ...input,
        tenantId: null,
        registration: "cimd",
        grantTypes: ["authorization_code", "refresh_token"],
      },
      update: { name: input.name, redirectUris: input.redirectUris },
      select: clientSelect,
    }),
  );
}
