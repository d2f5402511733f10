import "server-only";
// Settings → User accounts. Users are global rows (one account, many tenants, no RLS), so a tenant's admin
// only ever touches them through this tenant's memberships: adding a membership, changing its role,
// (de)activating or deleting it. An account's name, email and password are never changed from here — the
// same person may belong to other tenants, whose view of them one tenant must not alter.
//
// Every change that could leave the tenant without an administrator runs under the tenant row lock and
// re-counts afterwards (a throw rolls the change back), so two admins demoting each other at the same
// moment cannot both succeed.
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { AppError, notFound } from "@/lib/errors";
import { toPermissions } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy/access";
import type { AddMemberInput } from "@/lib/validation/settings-access";
import { readTenantSettings } from "@/lib/validation/settings";
import { audit } from "./audit";
import { lockTenant, requireSettings } from "./settings";

const conflict = (reason: string) => new AppError("conflict", reason);

export async function listMembers(access: Access) {
  requireSettings(access, "view");
  const rows = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.membership.findMany({
      where: { tenantId: access.tenantId },
      select: {
        id: true,
        active: true,
        createdAt: true,
        user: { select: { id: true, email: true, name: true, active: true } },
        role: { select: { id: true, name: true, builtIn: true } },
      },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    }),
  );
  return rows.map((m) => ({ ...m, self: m.user.id === access.userId }));
}
export type Member = Awaited<ReturnType<typeof listMembers>>[number];

/** Active members whose role may edit settings and whose account can sign in. */
export async function countAdministrators(tx: Tx, tenantId: string): Promise<number> {
  const roles = await tx.role.findMany({ where: { tenantId }, select: { id: true, permissions: true } });
  const adminRoles = roles.filter((r) => toPermissions(r.permissions).has("settings:edit")).map((r) => r.id);
  return tx.membership.count({ where: { tenantId, active: true, roleId: { in: adminRoles }, user: { active: true } } });
}

export async function requireAnAdministrator(tx: Tx, tenantId: string) {
  if ((await countAdministrators(tx, tenantId)) === 0) throw conflict("lastAdmin");
}

async function findMember(tx: Tx, access: Access, membershipId: string) {
  const m = await tx.membership.findFirst({
    where: { id: membershipId, tenantId: access.tenantId },
    select: { id: true, userId: true, active: true, role: { select: { id: true, name: true } }, user: { select: { email: true } } },
  });
  if (!m) throw notFound("Member not found");
  return m;
}

/** A readable one-time password: 4-character groups of an unambiguous alphabet, ≥ 100 bits. */
function temporaryPassword(minLength: number): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const length = Math.max(20, minLength);
  const bytes = randomBytes(length);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return chars.join("").match(/.{1,4}/g)!.join("-");
}

export interface AddedMember {
  membershipId: string;
  /** false when the email already had a Fettle account: it only gained a membership */
  created: boolean;
  /** shown once to the admin; null when the account existed or the admin chose the password */
  temporaryPassword: string | null;
}

export async function addMember(access: Access, input: AddMemberInput, ip: string | null = null): Promise<AddedMember> {
  requireSettings(access, "create");
  // Read first, hash outside the transaction (scrypt is slow), then write and re-check under the lock.
  const { minLength, exists } = await withTenant(access.tenantId, access.userId, async (tx) => {
    const tenant = await tx.tenant.findUniqueOrThrow({ where: { id: access.tenantId }, select: { settings: true } });
    const user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    return { minLength: readTenantSettings(tenant.settings).passwordMinLength, exists: Boolean(user) };
  });
  if (!exists && input.password && input.password.length < minLength) throw new AppError("invalid", "passwordTooShort", { minLength });
  const oneTime = exists || input.password ? null : temporaryPassword(minLength);
  const passwordHash = exists ? null : await hashPassword(input.password ?? oneTime!);

  try {
    return await withTenant(access.tenantId, access.userId, async (tx) => {
      await lockTenant(tx, access.tenantId);
      const role = await tx.role.findFirst({ where: { id: input.roleId, tenantId: access.tenantId }, select: { id: true, name: true } });
      if (!role) throw notFound("Role not found");
      let user = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      const created = !user;
      if (!user) {
        // The account appeared between the two transactions: the hash we made is for a user that exists.
        if (!passwordHash) throw conflict("tryAgain");
        user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash }, select: { id: true } });
      } else if (await tx.membership.findFirst({ where: { tenantId: access.tenantId, userId: user.id }, select: { id: true } })) {
        throw conflict("alreadyMember");
      }
      const membership = await tx.membership.create({ data: { tenantId: access.tenantId, userId: user.id, roleId: role.id }, select: { id: true } });
      await audit(tx, access, { ip,
        action: "member.add",
        entity: "Membership",
        entityId: membership.id,
        after: { email: input.email, role: role.name, accountCreated: created },
      });
      return { membershipId: membership.id, created, temporaryPassword: created ? oneTime : null };
    });
  } catch (e) {
    if (typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002") throw conflict("alreadyMember");
    throw e;
  }
}

export async function changeMemberRole(access: Access, membershipId: string, roleId: string, ip: string | null = null): Promise<void> {
  requireSettings(access, "edit");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    await lockTenant(tx, access.tenantId);
    const member = await findMember(tx, access, membershipId);
    const role = await tx.role.findFirst({ where: { id: roleId, tenantId: access.tenantId }, select: { id: true, name: true } });
    if (!role) throw notFound("Role not found");
    if (member.userId === access.userId) throw conflict("self");
    if (member.role.id === role.id) return;
    await tx.membership.update({ where: { id: member.id }, data: { roleId: role.id } });
    await requireAnAdministrator(tx, access.tenantId);
    await audit(tx, access, { ip,
      action: "member.role",
      entity: "Membership",
      entityId: member.id,
      before: { email: member.user.email, role: member.role.name },
      after: { email: member.user.email, role: role.name },
    });
  });
}

/** A deactivated member cannot enter the tenant, and their tokens stop working on the next call. */
export async function setMemberActive(access: Access, membershipId: string, active: boolean, ip: string | null = null): Promise<void> {
  requireSettings(access, "edit");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    await lockTenant(tx, access.tenantId);
    const member = await findMember(tx, access, membershipId);
    if (member.userId === access.userId) throw conflict("self");
    if (member.active === active) return;
    await tx.membership.update({ where: { id: member.id }, data: { active } });
    if (!active) await requireAnAdministrator(tx, access.tenantId);
    await audit(tx, access, { ip,
      action: active ? "member.reactivate" : "member.deactivate",
      entity: "Membership",
      entityId: member.id,
      after: { email: member.user.email },
    });
  });
}

/**
 * Removes the membership (the account stays: it may belong to other tenants). The member's app
 * authorizations here are revoked with their tokens, so being added again later revives nothing.
 */
export async function removeMember(access: Access, membershipId: string, ip: string | null = null): Promise<void> {
  requireSettings(access, "delete");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    await lockTenant(tx, access.tenantId);
    const member = await findMember(tx, access, membershipId);
    if (member.userId === access.userId) throw conflict("self");
    await tx.membership.delete({ where: { id: member.id } });
    await requireAnAdministrator(tx, access.tenantId);
    const now = new Date();
    const scope = { tenantId: access.tenantId, revokedAt: null };
    const grants = await tx.authorization.findMany({ where: { ...scope, userId: member.userId }, select: { id: true } });
    const ids = grants.map((g) => g.id);
    await tx.authorization.updateMany({ where: { ...scope, id: { in: ids } }, data: { revokedAt: now } });
    await tx.refreshToken.updateMany({ where: { ...scope, authorizationId: { in: ids } }, data: { revokedAt: now } });
    await tx.accessToken.updateMany({ where: { ...scope, authorizationId: { in: ids } }, data: { revokedAt: now } });
    await audit(tx, access, { ip,
      action: "member.remove",
      entity: "Membership",
      entityId: member.id,
      before: { email: member.user.email, role: member.role.name },
      after: { authorizationsRevoked: ids.length },
    });
  });
}
