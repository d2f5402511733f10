// What the bench creates in its own database before measuring, through the same lib/data functions the
// app uses (this process runs with the react-server condition, so `server-only` imports resolve):
// - tenant consumers, as a tenant admin creates them on Settings → API Connections;
// - refresh-token chains for the refresh-grant cell: each one a real grant (grantCode = the consent step,
//   redeemCode = the code exchange), on its own consumer, because the token endpoint allows one client
//   120 requests a minute and that limit stays as it is;
// - plain accounts for the sign-in cell (the sign-in limit is 10 attempts a minute per account).
import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createConsumer } from "@/lib/data/consumers";
import { findClient } from "@/lib/data/oauth-clients";
import { grantCode } from "@/lib/data/oauth-grants";
import { findCode, redeemCode } from "@/lib/data/oauth-tokens";
import type { Sql } from "@/lib/db/sql";
import { ACCESS_TOKEN_TTL_SECONDS, CODE_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS } from "@/lib/oauth/config";
import { newSecret, PREFIX, sha256 } from "@/lib/oauth/tokens";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy/access";
import { REDIRECT_URI, type Connector } from "./oauth";

export const SIGNIN_DOMAIN = "bench-users.test";
export const signInEmail = (n: number) => `signin-${String(n).padStart(4, "0")}@${SIGNIN_DOMAIN}`;

/** The tenant's first administrator, with an administrator's rights: who creates consumers on screen. */
export async function adminAccess(sql: Sql, slug: string): Promise<Access & { userId: string }> {
  const [row] = await sql.query<{ tenantId: string; userId: string }>(
    `SELECT m."tenantId", m."userId" FROM "Membership" m JOIN "Tenant" t ON t.id = m."tenantId" JOIN "Role" r ON r.id = m."roleId"
      WHERE t.slug = $1 AND r."builtIn" = 'administrator' AND m.active ORDER BY m."userId" LIMIT 1`,
    [slug],
  );
  if (!row) throw new Error(`bench: tenant ${slug} has no administrator — is the bench database seeded?`);
  return { tenantId: row.tenantId, userId: row.userId, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions) };
}

export async function createConnector(sql: Sql, access: Access, name: string, confidential: boolean): Promise<Connector & { id: string }> {
  const [group] = await sql.query<{ id: string }>(`SELECT id FROM "PermissionGroup" WHERE "tenantId" = $1 AND name = 'AI connectors'`, [
    access.tenantId,
  ]);
  if (!group) throw new Error(`bench: no "AI connectors" permission group in ${access.tenantId}`);
  const { consumer, clientSecret } = await createConsumer(access, {
    name,
    confidential,
    redirectUris: [REDIRECT_URI],
    permissionGroupId: group.id,
  });
  return { id: consumer.id, clientId: consumer.clientId as string, clientSecret };
}

/** A live refresh token on a consumer of its own: consent and code exchange through lib/data. */
export async function mintRefreshToken(access: Access & { userId: string }, connector: Connector, resource: string, scopes: string[]): Promise<string> {
  const client = await findClient(connector.clientId);
  if (!client) throw new Error("bench: consumer just created is not found");
  const code = newSecret(PREFIX.code);
  const verifier = randomBytes(32).toString("base64url");
  await grantCode({
    tenantId: access.tenantId,
    userId: access.userId,
    client,
    scopes,
    codeHash: sha256(code),
    codeChallenge: createHash("sha256").update(verifier).digest("base64url"),
    redirectUri: REDIRECT_URI,
    resource,
    expiresAt: new Date(Date.now() + CODE_TTL_SECONDS * 1000),
    ip: null,
    remembered: false,
  });
  const row = await findCode(sha256(code));
  if (!row) throw new Error("bench: code just granted is not found");
  const refresh = newSecret(PREFIX.refreshToken);
  const issued = await redeemCode(row, {
    accessHash: sha256(newSecret(PREFIX.accessToken)),
    accessExpiresAt: new Date(Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000),
    refreshHash: sha256(refresh),
    refreshExpiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_SECONDS * 1000),
    ip: null,
  });
  if (!issued.ok) throw new Error(`bench: code exchange refused (${issued.reason})`);
  return refresh;
}

/** `count` active accounts signin-0001@bench-users.test… with `password` (members of no tenant). */
export async function ensureSignInUsers(sql: Sql, count: number, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await sql.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", locale, active, "createdAt", "updatedAt")
     SELECT 'bench-signin-' || lpad(n::text, 4, '0'), 'signin-' || lpad(n::text, 4, '0') || '@' || $3,
            'Bench sign-in ' || n, $2, 'en', true, now(), now()
       FROM generate_series(1, $1::int) AS n
     ON CONFLICT (email) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash", active = true`,
    [count, passwordHash, SIGNIN_DOMAIN],
  );
}
