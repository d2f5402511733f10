import "server-only";
// Triage of work requests by the maintenance team: approve one into a work order, or reject it with a
// reason. Only open requests can be decided. The decision claims the request with a conditional UPDATE
// (status = 'open'): PostgreSQL row-locks it, so of two concurrent approvals the second waits, re-reads
// the row after the first commits, matches nothing and gets a conflict — exactly one work order.
import { withTenant, type Tx } from "@/lib/db/tenant";
import { AppError } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { toDate } from "@/lib/validation/asset-fields";
import { defaultWorkOrderTitle, requestApproveSchema, requestRejectSchema, type RequestApproveInput, type RequestRejectInput } from "@/lib/validation/request";
import { audit } from "./audit";
import { parseInput, requireRight } from "./assets-shared";
import { findRequest, nextCounter, type WorkRequestRow } from "./requests-shared";

const DEFAULT_PREFIX = "WO-";

/** The tenant's work-order code prefix (settings.workOrderPrefix), "WO-" unless set to something sane. */
async function workOrderPrefix(tx: Tx, tenantId: string): Promise<string> {
  const tenant = await tx.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
  const prefix = (tenant?.settings as { workOrderPrefix?: unknown } | null)?.workOrderPrefix;
  return typeof prefix === "string" && /^[A-Za-z0-9-_/.]{0,12}$/.test(prefix) ? prefix : DEFAULT_PREFIX;
}

/** Why a claim matched nothing, read after the competing transaction committed. */
async function notOpen(tx: Tx, tenantId: string, request: WorkRequestRow): Promise<AppError> {
  const now = await tx.workRequest.findFirst({
    where: { id: request.id, tenantId },
    select: { status: true, workOrder: { select: { code: true } } },
  });
  const status = now?.status ?? "gone";
  const wo = now?.workOrder ? ` (work order ${now.workOrder.code})` : "";
  return new AppError("conflict", `Request ${request.code} is already ${status}${wo}; only open requests can be decided`);
}

export interface ApprovedRequest {
  request: WorkRequestRow;
  workOrder: { id: string; code: string; title: string; priority: number; status: string; type: string };
}

/**
 * Approves an open request into a new corrective work order, in one transaction: the work order takes the
 * next number of the tenant's "workorder" counter, the request's asset and location, priority 2 for urgent
 * requests else 3 (unless given), and the request links to it.
 */
export async function approveRequest(access: Access, input: RequestApproveInput): Promise<ApprovedRequest> {
  requireRight(access, "requests", "edit");
  requireRight(access, "workorders", "create");
  const data = parseInput(requestApproveSchema, input);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const request = await findRequest(tx, access, data.id);
    const { count } = await tx.workRequest.updateMany({ where: { id: request.id, tenantId, status: "open" }, data: { status: "approved" } });
    if (count === 0) throw await notOpen(tx, tenantId, request);

    const number = await nextCounter(tx, tenantId, "workorder");
    const code = `${await workOrderPrefix(tx, tenantId)}${String(number).padStart(6, "0")}`;
    const workOrder = await tx.workOrder.create({
      data: {
        tenantId,
        number,
        code,
        title: data.title ?? defaultWorkOrderTitle(request.description),
        description: request.description,
        type: "corrective",
        priority: data.priority ?? (request.urgent ? 2 : 3),
        status: "open",
        assetId: request.asset?.id ?? null,
        locationId: request.location?.id ?? null,
        dueAt: toDate(data.dueAt) ?? null,
        createdById: access.userId,
      },
      select: { id: true, code: true, title: true, priority: true, status: true, type: true },
    });
    await tx.workRequest.update({ where: { id: request.id, tenantId }, data: { workOrderId: workOrder.id } });
    await audit(tx, access, {
      action: "workorder.create",
      entity: "WorkOrder",
      entityId: workOrder.id,
      after: { ...workOrder, fromRequest: request.code },
    });
    await audit(tx, access, {
      action: "request.approve",
      entity: "WorkRequest",
      entityId: request.id,
      before: { status: "open" },
      after: { status: "approved", workOrderId: workOrder.id, workOrderCode: workOrder.code },
    });
    return {
      request: { ...request, status: "approved", workOrder: { id: workOrder.id, code: workOrder.code, status: workOrder.status } },
      workOrder,
    };
  });
}

/** Rejects an open request; the requester sees the reason. */
export async function rejectRequest(access: Access, input: RequestRejectInput): Promise<WorkRequestRow> {
  requireRight(access, "requests", "edit");
  const data = parseInput(requestRejectSchema, input);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const request = await findRequest(tx, access, data.id);
    const { count } = await tx.workRequest.updateMany({
      where: { id: request.id, tenantId, status: "open" },
      data: { status: "rejected", rejectionReason: data.reason },
    });
    if (count === 0) throw await notOpen(tx, tenantId, request);
    await audit(tx, access, {
      action: "request.reject",
      entity: "WorkRequest",
      entityId: request.id,
      before: { status: "open" },
      after: { status: "rejected", reason: data.reason },
    });
    return { ...request, status: "rejected", rejectionReason: data.reason };
  });
}
