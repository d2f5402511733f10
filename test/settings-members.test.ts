// Settings → User accounts and Roles against the real database: the last-administrator and "not yourself"
// rules (including two admins demoting each other with stale rights), adding existing and new accounts
// under the password policy, removal revoking the member's apps, and a role change narrowing the rights of
// tokens the member already holds (ARCHITECTURE.md §3).
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createConsumer, listConsumers } from "@/lib/data/consumers";
import { addMember, changeMemberRole, listMembers, removeMember, setMemberActive } from "@/lib/data/members";
import { grantCode } from "@/lib/data/oauth-grants";
import { createRole, deleteRole, updateRole } from "@/lib/data/roles";
import { updateSecurity } from "@/lib/data/settings";
import { db } from "@/lib/db/client";
import { resourceIdentifier } from "@/lib/oauth/config";
import { handleTokenRequest } from "@/lib/oauth/token";
import { newSecret, sha256 } from "@/lib/oauth/tokens";
import { authenticateAccessToken, tokenPermissions } from "@/lib/oauth/verify";
import { BUILT_IN_ROLES, toPermissions, type PermissionMatrix } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy";
import { roleSchema } from "@/lib/validation/settings-access";
import { ownerQuery } from "./owner-query";

const sql = ownerQuery;

let acme: { id: string; roles: Record<string, string>; groupId: string };
let globex: { id: string };
const accessAs = (userId: string, permissions: PermissionMatrix): Access => ({ tenantId: acme.id, userId, consumerId: null, permissions: toPermissions(permissions) });
const ADMIN = BUILT_IN_ROLES.administrator.permissions;
let seq = 0;
const email = () => `settings-member-${++seq}@test.test`;
const membershipOf = async (userId: string, tenantId = acme.id) =>
  (await sql<{ id: string; roleId: string; active: boolean }>(`SELECT id, "roleId", active FROM "Membership" WHERE "userId" = $1 AND "tenantId" = $2`, [userId, tenantId]))[0];

/** A new acme member with a built-in role, added by `by` through the same function the screen uses. */
async function member(by: Access, role: string) {
  const added = await addMember(by, { email: email(), name: `Member ${seq}`, roleId: acme.roles[role] });
  const [m] = await sql<{ userId: string }>(`SELECT "userId" FROM "Membership" WHERE id = $1`, [added.membershipId]);
  return { membershipId: added.membershipId, userId: m.userId, added };
}

let admin: Access;

beforeAll(async () => {
  const [t] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'acme'`);
  const [g] = await sql<{ id: string }>(`SELECT id FROM "Tenant" WHERE slug = 'globex'`);
  const roles = await sql<{ id: string; builtIn: string }>(`SELECT id, "builtIn" FROM "Role" WHERE "tenantId" = $1 AND "builtIn" IS NOT NULL`, [t.id]);
  const [group] = await sql<{ id: string }>(`SELECT id FROM "PermissionGroup" WHERE "tenantId" = $1 AND name = 'AI connectors'`, [t.id]);
  acme = { id: t.id, roles: Object.fromEntries(roles.map((r) => [r.builtIn, r.id])), groupId: group.id };
  globex = { id: g.id };
  const [a] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@acme.test'`);
  admin = accessAs(a.id, ADMIN);
});

afterAll(async () => {
  await (await db()).$disconnect();
});

describe("adding members", () => {
  it("creates an account with a one-time password that works, and audits it without the password", async () => {
    const { added, userId } = await member(admin, "technician");
    expect(added.created).toBe(true);
    expect(added.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{1,4})+$/);
    const [user] = await sql<{ passwordHash: string }>(`SELECT "passwordHash" FROM "User" WHERE id = $1`, [userId]);
    expect(await verifyPassword(added.temporaryPassword!, user.passwordHash)).toBe(true);
    const [row] = await sql<{ after: Record<string, unknown> }>(`SELECT after FROM "AuditLog" WHERE action = 'member.add' AND "entityId" = $1`, [added.membershipId]);
    expect(row.after).toMatchObject({ role: "Technician", accountCreated: true });
    expect(JSON.stringify(row.after)).not.toContain(added.temporaryPassword!);
  });

  it("adds an existing account as a membership only: no password, its name and other tenants untouched", async () => {
    const [g] = await sql<{ id: string; name: string; passwordHash: string }>(`SELECT id, name, "passwordHash" FROM "User" WHERE email = 'admin@globex.test'`);
    const added = await addMember(admin, { email: "ADMIN@globex.test ".trim().toLowerCase(), name: "Renamed By Acme", roleId: acme.roles.read_only });
    expect(added).toMatchObject({ created: false, temporaryPassword: null });
    const [after] = await sql<{ name: string; passwordHash: string }>(`SELECT name, "passwordHash" FROM "User" WHERE id = $1`, [g.id]);
    expect(after).toEqual({ name: g.name, passwordHash: g.passwordHash });
    expect((await membershipOf(g.id, globex.id)).active).toBe(true);
    await expect(addMember(admin, { email: "admin@globex.test", name: "x", roleId: acme.roles.read_only })).rejects.toMatchObject({ code: "conflict", message: "alreadyMember" });
  });

  it("enforces the tenant's minimum password length on passwords the admin sets", async () => {
    await updateSecurity(admin, { passwordMinLength: 16, sessionHours: 8, allowSelfRegisteredClients: true, selfRegisteredGroupId: acme.groupId });
    await expect(addMember(admin, { email: email(), name: "Short", roleId: acme.roles.technician, password: "fifteen-chars!!" })).rejects.toMatchObject({
      code: "invalid",
      message: "passwordTooShort",
    });
    const ok = await addMember(admin, { email: email(), name: "Long", roleId: acme.roles.technician, password: "sixteen-chars!!!" });
    expect(ok).toMatchObject({ created: true, temporaryPassword: null });
    const generated = await addMember(admin, { email: email(), name: "Generated", roleId: acme.roles.technician });
    expect(generated.temporaryPassword!.replaceAll("-", "").length).toBeGreaterThanOrEqual(20);
  });

  it("refuses another tenant's role", async () => {
    const [globexRole] = await sql<{ id: string }>(`SELECT id FROM "Role" WHERE "tenantId" = $1 LIMIT 1`, [globex.id]);
    await expect(addMember(admin, { email: email(), name: "X", roleId: globexRole.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the administrator rules", () => {
  it("nobody changes, deactivates or removes themselves", async () => {
    const mine = await membershipOf(admin.userId!);
    for (const attempt of [
      () => changeMemberRole(admin, mine.id, acme.roles.technician),
      () => setMemberActive(admin, mine.id, false),
      () => removeMember(admin, mine.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "conflict", message: "self" });
    }
    expect(await membershipOf(admin.userId!)).toEqual(mine);
  });

  it("two admins demoting each other with stale rights: the second is refused and nothing changes", async () => {
    const b = await member(admin, "administrator");
    const bAccess = accessAs(b.userId, ADMIN);
    // A demotes B. B's request was authorized a moment earlier, with the rights B had then.
    await changeMemberRole(admin, b.membershipId, acme.roles.technician);
    const aMembership = await membershipOf(admin.userId!);
    for (const attempt of [
      () => changeMemberRole(bAccess, aMembership.id, acme.roles.technician),
      () => setMemberActive(bAccess, aMembership.id, false),
      () => removeMember(bAccess, aMembership.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "conflict", message: "lastAdmin" });
    }
    expect(await membershipOf(admin.userId!)).toEqual(aMembership);
  });

  it("a custom role cannot lose the settings right while it is the only administrator role in use", async () => {
    const { id: opsRole } = await createRole(admin, roleSchema.parse({ name: "Ops admin", permissions: { settings: ["view", "create", "edit", "delete"], workorders: ["view"] } }));
    const ops = await addMember(admin, { email: email(), name: "Ops", roleId: opsRole });
    const [{ userId: opsUser }] = await sql<{ userId: string }>(`SELECT "userId" FROM "Membership" WHERE id = $1`, [ops.membershipId]);
    const opsAccess = accessAs(opsUser, { settings: ["view", "create", "edit", "delete"], workorders: ["view"] });
    // Ops deactivates every built-in administrator: Ops is now the tenant's only administrator.
    const admins = await sql<{ id: string }>(`SELECT id FROM "Membership" WHERE "tenantId" = $1 AND "roleId" = $2 AND active`, [acme.id, acme.roles.administrator]);
    for (const m of admins) await setMemberActive(opsAccess, m.id, false);
    await expect(updateRole(opsAccess, opsRole, roleSchema.parse({ name: "Ops admin", permissions: { workorders: ["view"] } }))).rejects.toMatchObject({
      code: "conflict",
      message: "lastAdmin",
    });
    const [role] = await sql<{ permissions: PermissionMatrix }>(`SELECT permissions FROM "Role" WHERE id = $1`, [opsRole]);
    expect(role.permissions.settings).toEqual(["view", "create", "edit", "delete"]);
    await expect(deleteRole(opsAccess, opsRole)).rejects.toMatchObject({ code: "conflict", message: "roleInUse" });
    await expect(updateRole(opsAccess, acme.roles.technician, roleSchema.parse({ name: "Technician", permissions: {} }))).rejects.toMatchObject({
      message: "builtInReadOnly",
    });
    for (const m of admins) await setMemberActive(opsAccess, m.id, true);
  });

  it("another tenant's membership or role is not found, and stays as it was", async () => {
    const [g] = await sql<{ id: string; roleId: string; active: boolean; userId: string }>(
      `SELECT id, "roleId", active, "userId" FROM "Membership" WHERE "tenantId" = $1 ORDER BY id LIMIT 1`,
      [globex.id],
    );
    const mine = await member(admin, "technician");
    const [globexRole] = await sql<{ id: string }>(`SELECT id FROM "Role" WHERE "tenantId" = $1 AND "builtIn" = 'read_only'`, [globex.id]);
    for (const attempt of [
      () => changeMemberRole(admin, g.id, acme.roles.read_only),
      () => changeMemberRole(admin, mine.membershipId, globexRole.id),
      () => setMemberActive(admin, g.id, false),
      () => removeMember(admin, g.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await membershipOf(g.userId, globex.id)).toMatchObject({ id: g.id, roleId: g.roleId, active: g.active });
    expect((await listMembers(admin)).some((m) => m.id === g.id)).toBe(false);
  });

  it("needs the settings rights", async () => {
    const tech = accessAs(admin.userId!, BUILT_IN_ROLES.technician.permissions);
    await expect(listMembers(tech)).rejects.toMatchObject({ code: "forbidden" });
    await expect(addMember(tech, { email: email(), name: "x", roleId: acme.roles.technician })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("a member's connected apps", () => {
  /** Consent + code + token exchange, as the OAuth endpoints do it. */
  async function connect(userId: string, scopes: string[]) {
    const { consumer, clientSecret } = await createConsumer(admin, {
      name: `Settings app ${++seq}`,
      confidential: true,
      redirectUris: ["https://client.example/cb"],
      permissionGroupId: acme.groupId,
    });
    const client = (await listConsumers(admin)).find((c) => c.id === consumer.id)!;
    const code = newSecret("fettle_ac_");
    const verifier = "v".repeat(43);
    await grantCode({
      tenantId: acme.id,
      userId,
      client: { ...client, tenantId: acme.id, secretHash: null, registration: "manual" } as never,
      scopes,
      codeHash: sha256(code),
      codeChallenge: createHash("sha256").update(verifier).digest("base64url"),
      redirectUri: "https://client.example/cb",
      resource: resourceIdentifier(),
      expiresAt: new Date(Date.now() + 60_000),
      ip: null,
      remembered: false,
    });
    const basic = `Basic ${Buffer.from(`${consumer.clientId}:${clientSecret}`).toString("base64")}`;
    const res = await handleTokenRequest(
      { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: "https://client.example/cb" },
      new Headers({ authorization: basic }),
      null,
    );
    expect(res.status).toBe(200);
    return (await res.json()) as { access_token: string };
  }

  it("a role downgrade narrows what the member's existing tokens can do, on the next call", async () => {
    const tech = await member(admin, "technician");
    const { access_token } = await connect(tech.userId, ["workorders:read", "workorders:write", "assets:read"]);
    const rights = async () => [...(await tokenPermissions((await authenticateAccessToken(access_token))!))].sort();
    expect(await rights()).toEqual(["assets:view", "workorders:create", "workorders:edit", "workorders:view"]);
    await changeMemberRole(admin, tech.membershipId, acme.roles.read_only);
    expect(await rights()).toEqual(["assets:view", "workorders:view"]);
    await changeMemberRole(admin, tech.membershipId, acme.roles.requester);
    expect(await rights()).toEqual(["assets:view"]);
  });

  it("deactivation stops the member's tokens; removal revokes their authorizations for good", async () => {
    const tech = await member(admin, "technician");
    const { access_token } = await connect(tech.userId, ["workorders:read"]);
    await setMemberActive(admin, tech.membershipId, false);
    expect(await authenticateAccessToken(access_token)).toBeNull();
    await setMemberActive(admin, tech.membershipId, true);
    expect(await authenticateAccessToken(access_token)).not.toBeNull();
    await removeMember(admin, tech.membershipId);
    expect(await authenticateAccessToken(access_token)).toBeNull();
    const grants = await sql<{ revokedAt: Date | null }>(`SELECT "revokedAt" FROM "Authorization" WHERE "userId" = $1`, [tech.userId]);
    expect(grants.length).toBe(1);
    expect(grants.every((g) => g.revokedAt)).toBe(true);
    // Added back later: the old grant stays dead.
    await addMember(admin, { email: (await sql<{ email: string }>(`SELECT email FROM "User" WHERE id = $1`, [tech.userId]))[0].email, name: "x", roleId: acme.roles.technician });
    expect(await authenticateAccessToken(access_token)).toBeNull();
  });
});
