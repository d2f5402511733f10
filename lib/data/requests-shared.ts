import "server-only";
// Pieces shared by the work-request reads (requests.ts) and triage (requests-triage.ts).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";

export const requestSelect = {
  id: true,
  code: true,
  description: true,
  urgent: true,
  status: true,
  rejectionReason: true,
  createdAt: true,
  updatedAt: true,
  requester: { select: { id: true, name: true } },
  asset: { select: { id: true, code: true, name: true } },
  location: { select: { id: true, code: true, name: true } },
  workOrder: { select: { id: true, code: true, status: true } },
} as const satisfies Prisma.WorkRequestSelect;

export type WorkRequestRow = Prisma.WorkRequestGetPayload<{ select: typeof requestSelect }>;

/**
 * Requesters (the built-in Requester role: people outside the maintenance team) see only the requests they
 * filed. Decided by the user's role in the tenant rather than by effective rights, so an administrator
 * whose MCP token carries only `requests:*` scopes still sees the whole triage list.
 */
export async function ownRequestsOnly(tx: Tx, access: Access): Promise<boolean> {
  if (!access.userId) return false;
  const membership = await tx.membership.findFirst({
    where: { tenantId: access.tenantId, userId: access.userId, active: true },
    select: { role: { select: { builtIn: true } } },
  });
  return membership?.role.builtIn === "requester";
}

/** A request by id or code, visible to the caller (a Requester's view of someone else's is "not found"). */
export async function findRequest(tx: Tx, access: Access, ref: string) {
  const where: Prisma.WorkRequestWhereInput = { tenantId: access.tenantId, OR: [{ id: ref }, { code: ref }] };
  if (await ownRequestsOnly(tx, access)) where.requesterId = access.userId!;
  const row = await tx.workRequest.findFirst({ where, select: requestSelect });
  if (!row) throw notFound("Work request not found");
  return row;
}

/**
 * Next value of a per-tenant sequence (TenantCounter), bumped with UPDATE … RETURNING inside the caller's
 * transaction: the row lock serialises concurrent creations, so no two ever get the same number, and a
 * rolled-back creation gives its number back. The insert covers a tenant whose counter row does not exist yet.
 */
export async function nextCounter(tx: Tx, tenantId: string, name: "request" | "workorder"): Promise<number> {
  const [row] = await tx.$queryRaw<{ value: number }[]>`
    UPDATE "TenantCounter" SET value = value + 1 WHERE "tenantId" = ${tenantId} AND name = ${name} RETURNING value`;
  if (row) return Number(row.value);
  const [created] = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "TenantCounter" ("tenantId", name, value) VALUES (${tenantId}, ${name}, 1)
    ON CONFLICT ("tenantId", name) DO UPDATE SET value = "TenantCounter".value + 1
    RETURNING value`;
  return Number(created.value);
}
