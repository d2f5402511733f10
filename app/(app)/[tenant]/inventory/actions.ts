"use server";
// Inventory actions: the one wrapper (auth → tenant → zod → permission) around lib/data, which checks the
// permission again, keeps stock from going negative and writes the audit row.
import { tenantAction } from "@/lib/actions/tenant-action";
import { createPart, createWarehouse, recordMovement, setStockLevels, updatePart, updateWarehouse } from "@/lib/data/inventory";
import { movementInput, partInput, stockLevelsInput, updatePartInput, updateWarehouseInput, warehouseInput } from "@/lib/validation/inventory";

export const createPartAction = tenantAction({ permission: ["inventory", "create"], schema: partInput, run: (access, input) => createPart(access, input) });

export const updatePartAction = tenantAction({
  permission: ["inventory", "edit"],
  schema: updatePartInput,
  run: async (access, input) => {
    await updatePart(access, input);
    return { id: input.id };
  },
});

export const createWarehouseAction = tenantAction({
  permission: ["inventory", "create"],
  schema: warehouseInput,
  run: (access, input) => createWarehouse(access, input),
});

export const updateWarehouseAction = tenantAction({
  permission: ["inventory", "edit"],
  schema: updateWarehouseInput,
  run: async (access, input) => {
    await updateWarehouse(access, input);
    return { id: input.id };
  },
});

export const setStockLevelsAction = tenantAction({
  permission: ["inventory", "edit"],
  schema: stockLevelsInput,
  run: (access, input) => setStockLevels(access, input),
});

export const recordMovementAction = tenantAction({
  permission: ["inventory", "edit"],
  schema: movementInput,
  run: (access, input) => recordMovement(access, input),
});
