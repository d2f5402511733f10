"use server";
// The work order pages' server actions. Each is a public POST endpoint, so each goes through
// tenantAction (sign-in → membership → zod → permission → lib/data → error mapping); lib/data checks the
// permission and the tenant again inside its transaction.
import { refresh } from "next/cache";
import type { z } from "zod";
import { tenantAction } from "@/lib/actions/tenant-action";
import type { Access } from "@/lib/tenancy";
import {
  addChecklistItem,
  addComment,
  addPartUsage,
  addTask,
  answerChecklistItem,
  assignWorkOrder,
  changeWorkOrderStatus,
  createWorkOrder,
  logTime,
  setFailureCoding,
  setTaskDone,
  updateWorkOrder,
} from "@/lib/data/work-orders";
import {
  workOrderAddChecklistItemSchema,
  workOrderAddTaskSchema,
  workOrderAssignSchema,
  workOrderChecklistAnswerSchema,
  workOrderCommentSchema,
  workOrderCreateSchema,
  workOrderFailureSchema,
  workOrderPartSchema,
  workOrderStatusSchema,
  workOrderTaskSchema,
  workOrderTimeSchema,
  workOrderUpdateSchema,
} from "@/lib/validation/work-order";

const create = tenantAction({ permission: ["workorders", "create"], schema: workOrderCreateSchema, run: createWorkOrder });

/** Edits: run the lib/data operation, then re-render the page the user is on with the new data. */
function edit<S extends z.ZodType, T>(schema: S, run: (access: Access, input: z.input<S>) => Promise<T>) {
  return tenantAction({
    permission: ["workorders", "edit"],
    schema,
    run: async (access, input) => {
      const result = await run(access, input as z.input<S>);
      refresh();
      return result;
    },
  });
}

const update = edit(workOrderUpdateSchema, updateWorkOrder);
const status = edit(workOrderStatusSchema, changeWorkOrderStatus);
const assign = edit(workOrderAssignSchema, assignWorkOrder);
const comment = edit(workOrderCommentSchema, addComment);
const time = edit(workOrderTimeSchema, logTime);
const task = edit(workOrderTaskSchema, setTaskDone);
const newTask = edit(workOrderAddTaskSchema, addTask);
const answer = edit(workOrderChecklistAnswerSchema, answerChecklistItem);
const newItem = edit(workOrderAddChecklistItemSchema, addChecklistItem);
const failure = edit(workOrderFailureSchema, setFailureCoding);
const part = edit(workOrderPartSchema, addPartUsage);

export async function createWorkOrderAction(slug: string, input: unknown) {
  return create(slug, input);
}
export async function updateWorkOrderAction(slug: string, input: unknown) {
  return update(slug, input);
}
export async function changeStatusAction(slug: string, input: unknown) {
  return status(slug, input);
}
export async function assignAction(slug: string, input: unknown) {
  return assign(slug, input);
}
export async function addCommentAction(slug: string, input: unknown) {
  return comment(slug, input);
}
export async function logTimeAction(slug: string, input: unknown) {
  return time(slug, input);
}
export async function setTaskDoneAction(slug: string, input: unknown) {
  return task(slug, input);
}
export async function addTaskAction(slug: string, input: unknown) {
  return newTask(slug, input);
}
export async function answerChecklistAction(slug: string, input: unknown) {
  return answer(slug, input);
}
export async function addChecklistItemAction(slug: string, input: unknown) {
  return newItem(slug, input);
}
export async function setFailureCodingAction(slug: string, input: unknown) {
  return failure(slug, input);
}
export async function addPartUsageAction(slug: string, input: unknown) {
  return part(slug, input);
}
