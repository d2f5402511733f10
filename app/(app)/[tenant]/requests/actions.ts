"use server";
// Work-request actions. Each is the one wrapper (auth → tenant → zod → permission) around a lib/data call,
// which checks the permission again, verifies every id inside the tenant and writes the audit row.
import { tenantAction } from "@/lib/actions/tenant-action";
import { cancelRequest, createRequest } from "@/lib/data/requests";
import { approveRequest, rejectRequest } from "@/lib/data/requests-triage";
import { requestApproveSchema, requestCancelSchema, requestCreateSchema, requestRejectSchema } from "@/lib/validation/request";

export const createRequestAction = tenantAction({
  permission: ["requests", "create"],
  schema: requestCreateSchema,
  run: async (access, input) => {
    const r = await createRequest(access, input);
    return { id: r.id, code: r.code };
  },
});

export const approveRequestAction = tenantAction({
  permission: ["requests", "edit"],
  schema: requestApproveSchema,
  run: async (access, input) => {
    const { workOrder } = await approveRequest(access, input);
    return { workOrderId: workOrder.id, workOrderCode: workOrder.code };
  },
});

export const rejectRequestAction = tenantAction({
  permission: ["requests", "edit"],
  schema: requestRejectSchema,
  run: async (access, input) => ({ code: (await rejectRequest(access, input)).code }),
});

export const cancelRequestAction = tenantAction({
  permission: ["requests", "create"],
  schema: requestCancelSchema,
  run: async (access, input) => ({ code: (await cancelRequest(access, input)).code }),
});
