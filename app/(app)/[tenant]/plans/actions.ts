"use server";
// Plan actions: the one wrapper (auth → tenant → zod → permission) around lib/data, which checks the
// permission again, reschedules the plan's occurrences and writes the audit row.
import { tenantAction } from "@/lib/actions/tenant-action";
import { createPlan, deletePlan, updatePlan } from "@/lib/data/plans";
import { planIdInput, planInput, updatePlanInput } from "@/lib/validation/plan";

export const createPlanAction = tenantAction({
  permission: ["plans", "create"],
  schema: planInput,
  run: async (access, input) => ({ id: (await createPlan(access, input)).id }),
});

export const updatePlanAction = tenantAction({
  permission: ["plans", "edit"],
  schema: updatePlanInput,
  run: async (access, input) => {
    await updatePlan(access, input);
    return { id: input.id };
  },
});

export const deletePlanAction = tenantAction({
  permission: ["plans", "delete"],
  schema: planIdInput,
  run: (access, input) => deletePlan(access, input.id),
});
