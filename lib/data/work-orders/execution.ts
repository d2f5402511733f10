import "server-only";
// Doing the work: ticking tasks, answering the checklist (validated per kind), adding steps and checks
// on the way, and failure coding. Child rows are looked up by id together with the work order and the
// tenant, so a task id of another work order or tenant is "not found".
import { withTenant } from "@/lib/db/tenant";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import {
  normaliseAnswer,
  workOrderAddChecklistItemSchema,
  workOrderAddTaskSchema,
  workOrderChecklistAnswerSchema,
  workOrderFailureSchema,
  workOrderTaskSchema,
  type ChecklistKind,
  type WorkOrderAddChecklistItemInput,
  type WorkOrderAddTaskInput,
  type WorkOrderChecklistAnswerInput,
  type WorkOrderFailureInput,
  type WorkOrderTaskInput,
} from "@/lib/validation/work-order";
import { lockWorkOrder, parse, recordAudit, requireRight } from "./shared";

export async function setTaskDone(access: Access, input: WorkOrderTaskInput) {
  requireRight(access, "edit");
  const data = parse(workOrderTaskSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const wo = await lockWorkOrder(tx, access, data.workOrder);
    const task = await tx.workOrderTask.findFirst({
      where: { id: data.taskId, workOrderId: wo.id, tenantId: access.tenantId },
      select: { id: true, description: true, done: true, durationMinutes: true },
    });
    if (!task) throw notFound("Task not found");
    const durationMinutes = data.durationMinutes === undefined ? task.durationMinutes : data.durationMinutes;
    await tx.workOrderTask.update({ where: { id: task.id }, data: { done: data.done, durationMinutes } });
    await recordAudit(
      tx,
      access,
      "task",
      wo.id,
      { task: task.description, done: task.done, durationMinutes: task.durationMinutes },
      { task: task.description, done: data.done, durationMinutes },
    );
    return { id: task.id, done: data.done, durationMinutes };
  });
}

export async function addTask(access: Access, input: WorkOrderAddTaskInput) {
  requireRight(access, "edit");
  const data = parse(workOrderAddTaskSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const wo = await lockWorkOrder(tx, access, data.workOrder);
    const last = await tx.workOrderTask.aggregate({ where: { tenantId: access.tenantId, workOrderId: wo.id }, _max: { position: true } });
    const task = await tx.workOrderTask.create({
      data: { tenantId: access.tenantId, workOrderId: wo.id, position: (last._max.position ?? 0) + 1, description: data.description },
      select: { id: true, position: true, description: true },
    });
    await recordAudit(tx, access, "task.add", wo.id, undefined, { task: data.description });
    return task;
  });
}

export async function answerChecklistItem(access: Access, input: WorkOrderChecklistAnswerInput) {
  requireRight(access, "edit");
  const data = parse(workOrderChecklistAnswerSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const wo = await lockWorkOrder(tx, access, data.workOrder);
    const item = await tx.checklistItem.findFirst({
      where: { id: data.itemId, workOrderId: wo.id, tenantId: access.tenantId },
      select: { id: true, label: true, kind: true, value: true },
    });
    if (!item) throw notFound("Checklist item not found");
    const answer = normaliseAnswer(item.kind as ChecklistKind, data.value);
    if ("error" in answer) throw new AppError("invalid", `${item.label}: ${answer.error}`);
    await tx.checklistItem.update({ where: { id: item.id }, data: { value: answer.value } });
    await recordAudit(tx, access, "checklist", wo.id, { item: item.label, value: item.value }, { item: item.label, value: answer.value });
    return { id: item.id, kind: item.kind, value: answer.value };
  });
}

export async function addChecklistItem(access: Access, input: WorkOrderAddChecklistItemInput) {
  requireRight(access, "edit");
  const data = parse(workOrderAddChecklistItemSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const wo = await lockWorkOrder(tx, access, data.workOrder);
    const last = await tx.checklistItem.aggregate({ where: { tenantId: access.tenantId, workOrderId: wo.id }, _max: { position: true } });
    const item = await tx.checklistItem.create({
      data: { tenantId: access.tenantId, workOrderId: wo.id, position: (last._max.position ?? 0) + 1, label: data.label, kind: data.kind },
      select: { id: true, position: true, label: true, kind: true },
    });
    await recordAudit(tx, access, "checklist.add", wo.id, undefined, { item: data.label, kind: data.kind });
    return item;
  });
}

/**
 * Failure coding: the work order's cause (what the failure-cause Pareto counts) and, on the task where the
 * failure was found, its type, cause and severity.
 */
export async function setFailureCoding(access: Access, input: WorkOrderFailureInput) {
  requireRight(access, "edit");
  const data = parse(workOrderFailureSchema, input);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const wo = await lockWorkOrder(tx, access, data.workOrder);
    const current = await tx.workOrder.findUniqueOrThrow({ where: { id: wo.id }, select: { failureCause: true } });
    const before: Record<string, string | number | null> = { failureCause: current.failureCause };
    const after: Record<string, string | number | null> = { failureCause: data.failureCause };
    if (data.taskId) {
      const task = await tx.workOrderTask.findFirst({
        where: { id: data.taskId, workOrderId: wo.id, tenantId: access.tenantId },
        select: { id: true, description: true, failureType: true, failureSeverity: true },
      });
      if (!task) throw notFound("Task not found");
      const failureType = data.failureType === undefined ? task.failureType : data.failureType;
      const failureSeverity = data.failureSeverity === undefined ? task.failureSeverity : data.failureSeverity;
      await tx.workOrderTask.update({ where: { id: task.id }, data: { failureType, failureSeverity, failureCause: data.failureCause } });
      Object.assign(before, { task: task.description, failureType: task.failureType, failureSeverity: task.failureSeverity });
      Object.assign(after, { task: task.description, failureType, failureSeverity });
    }
    await tx.workOrder.update({ where: { id: wo.id }, data: { failureCause: data.failureCause } });
    await recordAudit(tx, access, "failure", wo.id, before, after);
    return { id: wo.id, code: wo.code, ...after };
  });
}
