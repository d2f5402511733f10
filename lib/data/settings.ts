import "server-only";
// The tenant's own settings (Settings → General and Security). The Tenant row has no RLS (it holds no
// tenant data), so every query here names `access.tenantId` itself. Tenant.settings is read and merged
// under a row lock, so two admins saving different sections never lose each other's change.
import { withTenant, type Tx } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";
import type { Action } from "@/lib/tenancy/permissions";
import { readTenantSettings, type GeneralInput, type SecurityInput, type TenantSettings } from "@/lib/validation/settings";
import { audit } from "./audit";

export function requireSettings(access: Access, action: Action) {
  if (!access.userId || !can(access, "settings", action)) throw forbidden();
}

/** Locks the tenant row for the rest of the transaction and returns its settings object as stored. */
export async function lockTenant(tx: Tx, tenantId: string): Promise<Record<string, unknown>> {
  const [row] = await tx.$queryRaw<{ settings: unknown }[]>`SELECT "settings" FROM "Tenant" WHERE "id" = ${tenantId} FOR UPDATE`;
  if (!row) throw notFound("Tenant not found");
  const s = row.settings;
  return s && typeof s === "object" && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
}

/** Only the keys whose value changed, as before/after summaries for the Transactions log. */
function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  const pick = (o: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, o[k] ?? null])) as Prisma.InputJsonObject;
  return { keys, before: pick(before), after: pick(after) };
}

export interface TenantProfile {
  name: string;
  slug: string;
  timezone: string;
  locale: string;
  currency: string;
  settings: TenantSettings;
}

export async function getTenantProfile(access: Access): Promise<TenantProfile> {
  requireSettings(access, "view");
  const row = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.tenant.findUnique({
      where: { id: access.tenantId },
      select: { name: true, slug: true, timezone: true, locale: true, currency: true, settings: true },
    }),
  );
  if (!row) throw notFound("Tenant not found");
  return { ...row, settings: readTenantSettings(row.settings) };
}

const isUniqueViolation = (e: unknown) => typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";

/** Saves Settings → General. Returns the (possibly new) slug: the caller sends the browser there. */
export async function updateGeneral(access: Access, input: GeneralInput, ip: string | null = null): Promise<{ slug: string }> {
  requireSettings(access, "edit");
  try {
    return await withTenant(access.tenantId, access.userId, async (tx) => {
      const settings = await lockTenant(tx, access.tenantId);
      const current = await tx.tenant.findUniqueOrThrow({
        where: { id: access.tenantId },
        select: { name: true, slug: true, timezone: true, locale: true, currency: true },
      });
      if (input.slug !== current.slug) {
        const taken = await tx.tenant.findUnique({ where: { slug: input.slug }, select: { id: true } });
        if (taken) throw new AppError("conflict", "slugTaken");
      }
      const { workOrderPrefix, ...columns } = input;
      await tx.tenant.update({
        where: { id: access.tenantId },
        data: { ...columns, settings: { ...settings, workOrderPrefix } as Prisma.InputJsonObject },
      });
      const change = diff(
        { ...current, workOrderPrefix: readTenantSettings(settings).workOrderPrefix },
        { ...columns, workOrderPrefix },
      );
      if (change.keys.length) {
        await audit(tx, access, { ip, action: "settings.update", entity: "Tenant", entityId: access.tenantId, before: change.before, after: change.after });
      }
      return { slug: input.slug };
    });
  } catch (e) {
    // Two tenants claiming one slug at the same moment: the unique index decides.
    if (isUniqueViolation(e)) throw new AppError("conflict", "slugTaken");
    throw e;
  }
}

/** Saves Settings → Security: password policy, session length and self-registered AI clients. */
export async function updateSecurity(access: Access, input: SecurityInput, ip: string | null = null): Promise<void> {
  requireSettings(access, "edit");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const settings = await lockTenant(tx, access.tenantId);
    if (input.selfRegisteredGroupId) {
      const group = await tx.permissionGroup.findFirst({ where: { id: input.selfRegisteredGroupId, tenantId: access.tenantId }, select: { id: true } });
      if (!group) throw notFound("Permission group not found");
    }
    const next: Record<string, unknown> = {
      passwordMinLength: input.passwordMinLength,
      sessionHours: input.sessionHours,
      allowSelfRegisteredClients: input.allowSelfRegisteredClients,
      // Kept while switched off, so turning it back on restores the admin's choice.
      selfRegisteredGroupId: input.selfRegisteredGroupId ?? readTenantSettings(settings).selfRegisteredGroupId,
    };
    if (next.selfRegisteredGroupId === undefined) delete next.selfRegisteredGroupId;
    const change = diff({ ...readTenantSettings(settings) }, next);
    if (!change.keys.length) return;
    await tx.tenant.update({ where: { id: access.tenantId }, data: { settings: { ...settings, ...next } as Prisma.InputJsonObject } });
    await audit(tx, access, { ip, action: "settings.security.update", entity: "Tenant", entityId: access.tenantId, before: change.before, after: change.after });
  });
}
