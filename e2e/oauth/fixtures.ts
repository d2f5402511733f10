// Database fixtures the OAuth tests make for themselves (owner connection), so that deactivating, demoting
// or re-scoping someone never touches demo data other tests rely on.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { BUILT_IN_ROLES } from "@/lib/tenancy/permissions";
import { PASSWORD } from "../pages";
import { ownerSql } from "./helpers";

const rid = (prefix: string) => `e2e-${prefix}-${randomBytes(6).toString("hex")}`;

export async function tenantIdOf(slug: string): Promise<string> {
  const sql = await ownerSql();
  try {
    const [row] = await sql.query<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = $1`, [slug]);
    return row.id;
  } finally {
    await sql.close();
  }
}

/** A new tenant that admits self-registered clients, with the built-in roles and an "AI connectors" group. */
export async function createTenant(name: string): Promise<{ id: string; slug: string; roles: Record<string, string> }> {
  const sql = await ownerSql();
  try {
    const id = rid("tenant");
    const groupId = rid("group");
    await sql.query(`INSERT INTO "Tenant" (id, slug, name, settings, "updatedAt") VALUES ($1, $1, $2, $3, now())`, [
      id,
      name,
      JSON.stringify({ allowSelfRegisteredClients: true, selfRegisteredGroupId: groupId }),
    ]);
    await sql.query(`INSERT INTO "PermissionGroup" (id, "tenantId", name, permissions, "updatedAt") VALUES ($1, $2, 'AI connectors', $3, now())`, [
      groupId,
      id,
      JSON.stringify({ workorders: ["view", "create", "edit"], assets: ["view"], metrics: ["view"] }),
    ]);
    const roles: Record<string, string> = {};
    for (const [key, role] of Object.entries(BUILT_IN_ROLES)) {
      roles[key] = rid("role");
      await sql.query(`INSERT INTO "Role" (id, "tenantId", name, "builtIn", permissions, "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [
        roles[key],
        id,
        role.name,
        key,
        JSON.stringify(role.permissions),
      ]);
    }
    return { id, slug: id, roles };
  } finally {
    await sql.close();
  }
}

/** A user of its own, member of the given tenants with the given built-in roles. */
export async function createUser(memberships: { tenantId: string; role: string }[]): Promise<{ id: string; email: string }> {
  const sql = await ownerSql();
  try {
    const id = rid("user");
    const email = `${id}@e2e.test`;
    await sql.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      id,
      email,
      `E2E ${id}`,
      await hashPassword(PASSWORD),
    ]);
    for (const m of memberships) {
      await sql.query(
        `INSERT INTO "Membership" (id, "tenantId", "userId", "roleId", "updatedAt")
         SELECT $1, $2, $3, r.id, now() FROM "Role" r WHERE r."tenantId" = $2 AND r."builtIn" = $4`,
        [rid("member"), m.tenantId, id, m.role],
      );
    }
    return { id, email };
  } finally {
    await sql.close();
  }
}

/** Runs one statement as the owner (deactivate a test's user, expire a test's code, …). */
export async function ownerExec(text: string, params: unknown[] = []) {
  const sql = await ownerSql();
  try {
    return await sql.query(text, params);
  } finally {
    await sql.close();
  }
}
