// Asset inputs, shared by the asset pages' server actions, the MCP asset tools and lib/data/assets*.ts.
import { z } from "zod";
import { pageInput } from "@/lib/data/pagination";
import { optionalDate, optionalInt, optionalRef, optionalText, text } from "./asset-fields";

export const ASSET_STATUSES = ["operational", "degraded", "down", "retired"] as const;
export const assetStatus = z.enum(ASSET_STATUSES);

/** Tenant-unique short code, e.g. "UT-AC-01". */
export const assetCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, "Use letters, digits and . _ - / only");

export const assetSearchSchema = pageInput.extend({
  query: z.string().trim().max(200).optional().describe("Text in the code, name, category, manufacturer, model or serial."),
  category: z.string().trim().max(100).optional().describe("Exact category, e.g. \"Pump\" (case-insensitive)."),
  locationId: z.string().max(200).optional().describe("Only assets at this location or any location inside it."),
  status: assetStatus.optional(),
  criticality: optionalInt(1, 5).describe("Exact criticality, 1 (lowest) … 5 (most critical)."),
  minCriticality: optionalInt(1, 5).describe("At least this criticality."),
  parentId: z
    .string()
    .max(200)
    .nullable()
    .optional()
    .describe("Only direct children of this asset; null for top-level assets."),
});
export type AssetSearchInput = z.input<typeof assetSearchSchema>;

const assetFields = {
  name: text(200),
  category: optionalText(100),
  manufacturer: optionalText(100),
  model: optionalText(100),
  serial: optionalText(100),
  criticality: optionalInt(1, 5),
  status: assetStatus.optional(),
  inService: optionalDate(),
  locationId: optionalRef(),
};

export const assetCreateSchema = z.object({
  code: assetCode,
  ...assetFields,
  parentId: optionalRef(),
});
export type AssetCreateInput = z.input<typeof assetCreateSchema>;

/** Every field but the id is optional: absent = unchanged, null or "" = cleared. */
export const assetUpdateSchema = z.object({
  id: z.string().min(1).max(200),
  code: assetCode.optional(),
  ...assetFields,
  name: text(200).optional(),
});
export type AssetUpdateInput = z.input<typeof assetUpdateSchema>;

/** Re-parenting is its own operation: it must refuse cycles (a node under its own descendant). */
export const assetMoveSchema = z.object({
  id: z.string().min(1).max(200),
  parentId: optionalRef().describe("New parent asset; null or empty for a top-level asset."),
  locationId: optionalRef().describe("New location; absent keeps the current one, null clears it."),
});
export type AssetMoveInput = z.input<typeof assetMoveSchema>;
