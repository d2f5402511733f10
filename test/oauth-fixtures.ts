// Shared by the OAuth integration tests: owner-side bookkeeping through the app's own client, users and
// consumers of tenant acme, and a real grant (consent + code + token exchange, as the endpoints do it).
import { createHash } from "node:crypto";
import { expect } from "vitest";
import { createConsumer, listConsumers } from "@/lib/data/consumers";
import { grantCode } from "@/lib/data/oauth-grants";
import { resourceIdentifier } from "@/lib/oauth/config";
import { handleTokenRequest } from "@/lib/oauth/token";
import { newSecret, sha256 } from "@/lib/oauth/tokens";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy";
import { ownerQuery } from "./owner-query";

/**
 * The test's own bookkeeping runs as the database owner. Through the app's client (one PGlite session is
 * all there is, and a second PGlite on the same folder would not see the app's writes), stepping out of
 * the app role for one transaction only.
 */
export const owner = { query: ownerQuery };
export const ctx = {} as { acme: { id: string; groupId: string }; admin: Access; viewer: Access };
let userSeq = 0;

export async function newUser(): Promise<string> {
  const id = `oauth-test-user-${++userSeq}`;
  await owner.query(`INSERT INTO "User" (id, email, name, "updatedAt") VALUES ($1, $2, $1, now())`, [id, `${id}@test.test`]);
  await owner.query(
    `INSERT INTO "Membership" (id, "tenantId", "userId", "roleId", "updatedAt")
     SELECT $1, $2, $3, r.id, now() FROM "Role" r WHERE r."tenantId" = $2 AND r."builtIn" = 'technician'`,
    [`m-${id}`, ctx.acme.id, id],
  );
  return id;
}

export const basicHeaders = (id: string, secret: string) => new Headers({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` });

/** Consent + code + token exchange, as the endpoints do it. */
export async function connect(userId: string, consumer: { clientId: string; secret: string | null }, scopes = ["assets:read", "workorders:read"]) {
  const client = (await listConsumers(ctx.admin)).find((c) => c.clientId === consumer.clientId)!;
  const code = newSecret("fettle_ac_");
  const verifier = "v".repeat(43);
  await grantCode({
    tenantId: ctx.acme.id,
    userId,
    client: { ...client, tenantId: ctx.acme.id, secretHash: null, registration: "manual" } as never,
    scopes,
    codeHash: sha256(code),
    codeChallenge: createHash("sha256").update(verifier).digest("base64url"),
    redirectUri: "https://client.example/cb",
    resource: resourceIdentifier(),
    expiresAt: new Date(Date.now() + 60_000),
    ip: null,
    remembered: false,
  });
  const res = await handleTokenRequest(
    { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: "https://client.example/cb" },
    basicHeaders(consumer.clientId, consumer.secret!),
    null,
  );
  expect(res.status).toBe(200);
  return (await res.json()) as { access_token: string; refresh_token: string; scope: string };
}

export async function newConsumer(name: string) {
  const { consumer, clientSecret } = await createConsumer(ctx.admin, {
    name,
    confidential: true,
    redirectUris: ["https://client.example/cb"],
    permissionGroupId: ctx.acme.groupId,
  });
  return { id: consumer.id, clientId: consumer.clientId, secret: clientSecret };
}

/** Call from beforeAll: tenant acme, its "AI connectors" group, an admin and a viewer. */
export async function loadOauthContext() {
  const [t] = await owner.query<{ id: string; groupId: string }>(
    `SELECT t.id, g.id AS "groupId" FROM "Tenant" t JOIN "PermissionGroup" g ON g."tenantId" = t.id AND g.name = 'AI connectors' WHERE t.slug = 'acme'`,
  );
  ctx.acme = t;
  const [a] = await owner.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@acme.test'`);
  const [v] = await owner.query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'viewer@acme.test'`);
  ctx.admin = { tenantId: ctx.acme.id, userId: a.id, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions) };
  ctx.viewer = { tenantId: ctx.acme.id, userId: v.id, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.read_only.permissions) };
}

