// Fixtures for the MCP integration tests: users, permission groups and consumers of their own, and access
// tokens minted by the real authorization code (consent → code → token endpoint), so nothing a test changes
// (a role, a group, a revocation) touches the demo data other tests rely on.
import { createHash, randomBytes } from "node:crypto";
import { expect } from "vitest";
import { createConsumer } from "@/lib/data/consumers";
import { findClient, registerClient } from "@/lib/data/oauth-clients";
import { grantCode } from "@/lib/data/oauth-grants";
import { resourceIdentifier } from "@/lib/oauth/config";
import { permissionsForScopes } from "@/lib/oauth/rights";
import { handleTokenRequest } from "@/lib/oauth/token";
import { newSecret, sha256 } from "@/lib/oauth/tokens";
import { BUILT_IN_ROLES, toPermissions, type PermissionMatrix } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy/access";
import { ownerQuery } from "./owner-query";

const REDIRECT = "https://client.example/cb";
export const rid = (prefix: string) => `mcp-${prefix}-${randomBytes(5).toString("hex")}`;

export { ownerQuery };

export interface Tenant {
  id: string;
  slug: string;
  aiGroupId: string;
  admin: Access;
}

export async function tenant(slug: string): Promise<Tenant> {
  const [t] = await ownerQuery<{ id: string; aiGroupId: string; adminId: string }>(
    `SELECT t.id, g.id AS "aiGroupId", u.id AS "adminId" FROM "Tenant" t
       JOIN "PermissionGroup" g ON g."tenantId" = t.id AND g.name = 'AI connectors'
       JOIN "User" u ON u.email = $2
      WHERE t.slug = $1`,
    [slug, `admin@${slug}.test`],
  );
  const admin = { tenantId: t.id, userId: t.adminId, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions) };
  return { id: t.id, slug, aiGroupId: t.aiGroupId, admin };
}

/** A user of its own, member of the tenant with a built-in role. */
export async function newUser(t: Tenant, role: keyof typeof BUILT_IN_ROLES): Promise<{ id: string; email: string }> {
  const id = rid("user");
  const email = `${id}@mcp.test`;
  await ownerQuery(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $3, now())`, [id, email, `MCP ${role}`]);
  await ownerQuery(
    `INSERT INTO "Membership" (id, "tenantId", "userId", "roleId", "updatedAt")
     SELECT $1, $2, $3, r.id, now() FROM "Role" r WHERE r."tenantId" = $2 AND r."builtIn" = $4`,
    [rid("member"), t.id, id, role],
  );
  return { id, email };
}

export async function setRole(t: Tenant, userId: string, role: keyof typeof BUILT_IN_ROLES) {
  await ownerQuery(
    `UPDATE "Membership" SET "roleId" = (SELECT id FROM "Role" WHERE "tenantId" = $1 AND "builtIn" = $3) WHERE "tenantId" = $1 AND "userId" = $2`,
    [t.id, userId, role],
  );
}

export async function newGroup(t: Tenant, permissions: PermissionMatrix): Promise<string> {
  const id = rid("group");
  await ownerQuery(`INSERT INTO "PermissionGroup" (id, "tenantId", name, permissions, "updatedAt") VALUES ($1, $2, $1, $3, now())`, [
    id,
    t.id,
    JSON.stringify(permissions),
  ]);
  return id;
}

export async function setGroup(groupId: string, permissions: PermissionMatrix) {
  await ownerQuery(`UPDATE "PermissionGroup" SET permissions = $2 WHERE id = $1`, [groupId, JSON.stringify(permissions)]);
}

export interface Consumer {
  id: string;
  clientId: string;
  secret: string | null;
  tenantId: string | null;
  dynamicPermissions: boolean;
}

/** A tenant consumer made the way Settings → API Connections makes it. */
export async function newConsumer(t: Tenant, opts: { groupId?: string; dynamic?: boolean; clientCredentials?: boolean } = {}): Promise<Consumer> {
  const { consumer, clientSecret } = await createConsumer(t.admin, {
    name: rid("app"),
    confidential: true,
    redirectUris: opts.clientCredentials ? [] : [REDIRECT],
    clientCredentials: opts.clientCredentials ?? false,
    permissionGroupId: opts.dynamic ? undefined : (opts.groupId ?? t.aiGroupId),
    dynamicPermissions: opts.dynamic ?? false,
  });
  return { id: consumer.id, clientId: consumer.clientId, secret: clientSecret, tenantId: t.id, dynamicPermissions: opts.dynamic ?? false };
}

/** A self-registered (RFC 7591) client: no tenant until someone authorizes it. */
export async function newDcrClient(): Promise<Consumer> {
  const c = await registerClient({
    name: rid("dcr"),
    clientId: newSecret("fettle_ci_", 16),
    secretHash: null,
    grantTypes: ["authorization_code", "refresh_token"],
    redirectUris: [REDIRECT],
  });
  return { id: c.id, clientId: c.clientId, secret: null, tenantId: null, dynamicPermissions: false };
}

const clientAuth = (c: Consumer): Headers =>
  c.secret
    ? new Headers({ authorization: `Basic ${Buffer.from(`${c.clientId}:${c.secret}`).toString("base64")}` })
    : new Headers();

async function tokenResponse(res: Response): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** Consent (as the authorization endpoint records it) → code → token endpoint; returns the access token. */
export async function connect(t: Tenant, userId: string, c: Consumer, scopes: string[]): Promise<string> {
  const code = newSecret("fettle_ac_");
  const verifier = randomBytes(32).toString("base64url");
  const client = await findClient(c.clientId);
  await grantCode({
    tenantId: t.id,
    userId,
    client: client!,
    scopes,
    permissions: c.dynamicPermissions ? permissionsForScopes(scopes) : undefined,
    codeHash: sha256(code),
    codeChallenge: createHash("sha256").update(verifier).digest("base64url"),
    redirectUri: REDIRECT,
    resource: resourceIdentifier(),
    expiresAt: new Date(Date.now() + 60_000),
    ip: null,
    remembered: false,
  });
  const params: Record<string, string> = { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT };
  if (!c.secret) params.client_id = c.clientId;
  return tokenResponse(await handleTokenRequest(params, clientAuth(c), null));
}

export async function clientCredentialsToken(c: Consumer, scopes: string[]): Promise<string> {
  return tokenResponse(await handleTokenRequest({ grant_type: "client_credentials", scope: scopes.join(" ") }, clientAuth(c), null));
}

/** A live token minted for another resource (RFC 8707): same rows, other audience. */
export async function tokenForOtherResource(t: Tenant, userId: string, c: Consumer, scopes: string[]): Promise<string> {
  const token = await connect(t, userId, c, scopes);
  const other = newSecret("fettle_at_");
  await ownerQuery(
    `INSERT INTO "AccessToken" (id, "tenantId", "tokenHash", "consumerId", "authorizationId", "userId", scopes, resource, "expiresAt")
     SELECT $1, "tenantId", $2, "consumerId", "authorizationId", "userId", scopes, 'https://other.example/api/mcp', "expiresAt"
       FROM "AccessToken" WHERE "tokenHash" = $3`,
    [rid("at"), sha256(other), sha256(token)],
  );
  return other;
}
