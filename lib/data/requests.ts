import "server-only";
// Work requests: anyone with the right files one ("the conveyor is making a noise"), the maintenance team
// triages them (requests-triage.ts). Requesters see only their own. Access first, tenant inside every
// query, referenced ids checked in the tenant's transaction, an audit row per write.
import type { Prisma } from "@/lib/generated/prisma/client";
import { withTenant } from "@/lib/db/tenant";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import {
  requestCancelSchema,
  requestCreateSchema,
  requestListSchema,
  type RequestCreateInput,
  type RequestListInput,
} from "@/lib/validation/request";
import { audit } from "./audit";
import { parseInput, requireRight } from "./assets-shared";
import { clampLimit, decodeCursor, toPage, type Page } from "./pagination";
import { findRequest, nextCounter, ownRequestsOnly, requestSelect, type WorkRequestRow } from "./requests-shared";

export type { WorkRequestRow } from "./requests-shared";

/** Requests newest first, one keyset page at a time; a Requester's list holds only their own. */
export async function listRequests(access: Access, input: RequestListInput = {}): Promise<Page<WorkRequestRow> & { ownOnly: boolean }> {
  requireRight(access, "requests", "view");
  const f = parseInput(requestListSchema, input);
  const limit = clampLimit(f.limit);
  const after = decodeCursor(f.cursor);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const ownOnly = await ownRequestsOnly(tx, access);
    const and: Prisma.WorkRequestWhereInput[] = [{ tenantId }];
    if (ownOnly || f.mine) {
      // A caller without a user (client-credentials token) has no requests of its own.
      if (!access.userId) return { items: [], nextCursor: null, ownOnly };
      and.push({ requesterId: access.userId });
    }
    if (f.status) and.push({ status: f.status });
    if (f.query) {
      const contains = { contains: f.query, mode: "insensitive" } as const;
      and.push({ OR: [{ code: contains }, { description: contains }] });
    }
    if (after) {
      const at = new Date(String(after.k));
      if (Number.isNaN(at.getTime())) return { items: [], nextCursor: null, ownOnly };
      and.push({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: after.id } }] });
    }
    const rows = await tx.workRequest.findMany({
      where: { AND: and },
      select: requestSelect,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
    });
    return { ...toPage(rows, limit, (r) => r.createdAt.toISOString()), ownOnly };
  });
}

/** Counts by status for the triage tabs (a Requester's counts cover only their own). */
export async function countRequestsByStatus(access: Access): Promise<Record<WorkRequestRow["status"], number>> {
  requireRight(access, "requests", "view");
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const where: Prisma.WorkRequestWhereInput = { tenantId };
    if (await ownRequestsOnly(tx, access)) where.requesterId = access.userId ?? "";
    const groups = await tx.workRequest.groupBy({ by: ["status"], where, _count: { _all: true } });
    const counts = { open: 0, approved: 0, rejected: 0, cancelled: 0 };
    for (const g of groups) counts[g.status] = g._count._all;
    return counts;
  });
}

/** A request by id or code ("REQ-00042"). */
export async function getRequest(access: Access, ref: string): Promise<WorkRequestRow> {
  requireRight(access, "requests", "view");
  return withTenant(access.tenantId, access.userId, (tx) => findRequest(tx, access, ref));
}

/** Files a request as the calling user. Its location defaults to the asset's. */
export async function createRequest(access: Access, input: RequestCreateInput): Promise<WorkRequestRow> {
  requireRight(access, "requests", "create");
  if (!access.userId) throw forbidden("A work request is filed by a user");
  const data = parseInput(requestCreateSchema, input);
  const tenantId = access.tenantId;
  const userId = access.userId;
  return withTenant(tenantId, userId, async (tx) => {
    let locationId = data.locationId ?? null;
    let assetId: string | null = null;
    if (data.assetId) {
      const asset = await tx.asset.findFirst({ where: { id: data.assetId, tenantId }, select: { id: true, locationId: true } });
      if (!asset) throw notFound("Asset not found");
      assetId = asset.id;
      locationId ??= asset.locationId;
    }
    if (data.locationId) {
      const location = await tx.location.findFirst({ where: { id: data.locationId, tenantId }, select: { id: true } });
      if (!location) throw notFound("Location not found");
    }
    const number = await nextCounter(tx, tenantId, "request");
    const row = await tx.workRequest.create({
      data: {
        tenantId,
        code: `REQ-${String(number).padStart(5, "0")}`,
        requesterId: userId,
        assetId,
        locationId,
        description: data.description,
        urgent: data.urgent ?? false,
      },
      select: requestSelect,
    });
    await audit(tx, access, {
      action: "request.create",
      entity: "WorkRequest",
      entityId: row.id,
      after: { code: row.code, assetId, locationId, urgent: row.urgent },
    });
    return row;
  });
}

/** The requester withdraws their own open request. */
export async function cancelRequest(access: Access, input: { id: string }): Promise<WorkRequestRow> {
  requireRight(access, "requests", "create");
  const { id } = parseInput(requestCancelSchema, input);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const request = await findRequest(tx, access, id);
    if (!access.userId || request.requester.id !== access.userId) throw forbidden("Only the requester can cancel a request");
    const { count } = await tx.workRequest.updateMany({
      where: { id: request.id, tenantId, status: "open" },
      data: { status: "cancelled" },
    });
    if (count === 0) throw new AppError("conflict", `Request ${request.code} is no longer open`);
    await audit(tx, access, { action: "request.cancel", entity: "WorkRequest", entityId: request.id, before: { status: request.status }, after: { status: "cancelled" } });
    return { ...request, status: "cancelled" as const };
  });
}
