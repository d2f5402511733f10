import "server-only";
// Building blocks of the work order operations: the permission check, input parsing, the row lock that
// serialises writes to one work order, the final-status guard and tenant-scoped reference checks. Every
// helper takes the caller's transaction; RLS hides other tenants' rows, so a miss is "not found".
import type { z } from "zod";
import { audit } from "@/lib/data/audit";
import type { Tx } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError, forbidden, notFound } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";
import { toPermissions, type Action } from "@/lib/tenancy/permissions";
import type { WorkOrderStatus } from "@/lib/validation/work-order-status";

export const ENTITY = "WorkOrder";
/** Hourly labour rate when neither the user's earlier entries nor the tenant's settings give one. */
const DEFAULT_LABOUR_RATE = 50;
const CODE_DIGITS = 6;

export function requireRight(access: Access, action: Action) {
  if (!can(access, "workorders", action)) throw forbidden();
}

/** Parses with a shared schema; the message names each bad field so an API caller can fix its call. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const message = result.error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
  throw new AppError("invalid", `Invalid input — ${message}`, result.error.issues);
}

export type Locked = { id: string; code: string; status: WorkOrderStatus };

/**
 * Finds a work order by id or code and locks its row until the transaction ends, so two writers cannot
 * both act on a status they read before the other changed it (e.g. commenting on a work order that is
 * being completed). Completed work orders are immutable; cancelled ones only take comments (`allow`
 * "cancelled"); the status change checks final statuses itself (`allow` "final").
 */
export async function lockWorkOrder(tx: Tx, access: Access, ref: string, allow: "open" | "cancelled" | "final" = "open"): Promise<Locked> {
  const rows = await tx.$queryRaw<Locked[]>`
    SELECT id, code, status::text AS status FROM "WorkOrder"
     WHERE "tenantId" = ${access.tenantId} AND (id = ${ref} OR code = ${ref})
     FOR UPDATE`;
  const row = rows.find((r) => r.id === ref) ?? rows[0];
  if (!row) throw notFound("Work order not found");
  if (allow === "final") return row;
  if (row.status === "completed") throw new AppError("conflict", `${row.code} is completed and can no longer be changed`);
  if (row.status === "cancelled" && allow !== "cancelled") {
    throw new AppError("conflict", `${row.code} is cancelled and can no longer be changed`);
  }
  return row;
}

export function recordAudit(
  tx: Tx,
  access: Access,
  action: string,
  workOrderId: string,
  before: Prisma.InputJsonValue | undefined,
  after: Prisma.InputJsonValue | undefined,
) {
  return audit(tx, access, { action: `workorder.${action}`, entity: ENTITY, entityId: workOrderId, before, after });
}

export async function tenantSettings(tx: Tx, tenantId: string) {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { timezone: true, settings: true } });
  if (!tenant) throw notFound("Tenant not found");
  const settings = (tenant.settings ?? {}) as Record<string, unknown>;
  const prefix = typeof settings.workOrderPrefix === "string" && settings.workOrderPrefix.length <= 12 ? settings.workOrderPrefix : "WO-";
  const rate = typeof settings.labourRate === "number" && settings.labourRate >= 0 ? settings.labourRate : DEFAULT_LABOUR_RATE;
  return { timeZone: tenant.timezone, prefix, labourRate: rate };
}

export const formatCode = (prefix: string, n: number) => `${prefix}${String(n).padStart(CODE_DIGITS, "0")}`;

export async function requireAsset(tx: Tx, access: Access, id: string) {
  const asset = await tx.asset.findFirst({ where: { id, tenantId: access.tenantId }, select: { id: true, code: true, locationId: true } });
  if (!asset) throw notFound("Asset not found");
  return asset;
}

export async function requireLocation(tx: Tx, access: Access, id: string) {
  const location = await tx.location.findFirst({ where: { id, tenantId: access.tenantId }, select: { id: true, code: true } });
  if (!location) throw notFound("Location not found");
  return location;
}

export async function requirePlan(tx: Tx, access: Access, id: string) {
  const plan = await tx.maintenancePlan.findFirst({ where: { id, tenantId: access.tenantId }, select: { id: true, code: true } });
  if (!plan) throw notFound("Maintenance plan not found");
  return plan;
}

type Member = { id: string; name: string; email: string };

/**
 * Resolves user ids or emails to active members of the tenant (active accounts too). With `mustWork`, each
 * must also hold a role that works on work orders (edit): nobody is assigned work they cannot update.
 */
export async function requireMembers(tx: Tx, access: Access, refs: readonly string[], mustWork: boolean): Promise<Member[]> {
  const wanted = [...new Set(refs.map((r) => r.trim()))];
  if (wanted.length === 0) return [];
  const emails = wanted.map((r) => r.toLowerCase());
  const memberships = await tx.membership.findMany({
    where: { tenantId: access.tenantId, active: true, user: { active: true, OR: [{ id: { in: wanted } }, { email: { in: emails } }] } },
    select: { user: { select: { id: true, name: true, email: true } }, role: { select: { permissions: true } } },
  });
  const members: Member[] = [];
  for (const ref of wanted) {
    const m = memberships.find((x) => x.user.id === ref || x.user.email === ref.toLowerCase());
    if (!m) throw notFound(`No active member "${ref}" in this tenant`);
    if (mustWork && !toPermissions(m.role.permissions).has("workorders:edit")) {
      throw new AppError("invalid", `${m.user.name} cannot be assigned work orders: their role cannot work on them`);
    }
    if (!members.some((x) => x.id === m.user.id)) members.push(m.user);
  }
  return members;
}

/** Money as a number with cents, for outputs (Prisma returns Decimal). */
export const money = (value: { toString(): string } | number) => Math.round(Number(value.toString()) * 100) / 100;
