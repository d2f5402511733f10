"use server";
// Asset, location and meter-reading actions. Each is the one wrapper (auth → tenant → zod → permission)
// around a lib/data call, which checks the permission again and writes the audit row.
import { tenantAction } from "@/lib/actions/tenant-action";
import { createAsset, moveAsset, updateAsset } from "@/lib/data/assets-write";
import { createLocation, moveLocation, updateLocation } from "@/lib/data/locations";
import { recordMeterReading } from "@/lib/data/meters";
import { assetCreateSchema, assetMoveSchema, assetUpdateSchema } from "@/lib/validation/asset";
import { locationCreateSchema, locationMoveSchema, locationUpdateSchema } from "@/lib/validation/location";
import { meterReadingSchema } from "@/lib/validation/meter";

export const createAssetAction = tenantAction({
  permission: ["assets", "create"],
  schema: assetCreateSchema,
  run: async (access, input) => ({ id: (await createAsset(access, input)).id }),
});

export const updateAssetAction = tenantAction({
  permission: ["assets", "edit"],
  schema: assetUpdateSchema,
  run: async (access, input) => ({ id: (await updateAsset(access, input)).id }),
});

export const moveAssetAction = tenantAction({
  permission: ["assets", "edit"],
  schema: assetMoveSchema,
  run: async (access, input) => ({ id: (await moveAsset(access, input)).id }),
});

export const createLocationAction = tenantAction({
  permission: ["assets", "create"],
  schema: locationCreateSchema,
  run: async (access, input) => ({ id: (await createLocation(access, input)).id }),
});

export const updateLocationAction = tenantAction({
  permission: ["assets", "edit"],
  schema: locationUpdateSchema,
  run: async (access, input) => ({ id: (await updateLocation(access, input)).id }),
});

export const moveLocationAction = tenantAction({
  permission: ["assets", "edit"],
  schema: locationMoveSchema,
  run: async (access, input) => ({ id: (await moveLocation(access, input)).id }),
});

export const recordReadingAction = tenantAction({
  permission: ["assets", "edit"],
  // The browser records "now"; back-dated readings come through the API and MCP.
  schema: meterReadingSchema.pick({ meterId: true, value: true }),
  run: async (access, input) => {
    const r = await recordMeterReading(access, { meterId: input.meterId, value: input.value });
    return { value: r.reading.value, triggered: r.triggered.map((t) => ({ planCode: t.planCode, planName: t.planName })) };
  },
});
