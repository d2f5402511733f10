// Location inputs (sites, buildings, areas, lines: a tree), shared by the asset pages, the MCP tools and
// lib/data/locations.ts.
import { z } from "zod";
import { optionalRef, text } from "./asset-fields";
import { assetCode } from "./asset";

export const locationCreateSchema = z.object({
  code: assetCode,
  name: text(200),
  parentId: optionalRef(),
});
export type LocationCreateInput = z.input<typeof locationCreateSchema>;

export const locationUpdateSchema = z.object({
  id: z.string().min(1).max(200),
  code: assetCode.optional(),
  name: text(200).optional(),
});
export type LocationUpdateInput = z.input<typeof locationUpdateSchema>;

export const locationMoveSchema = z.object({
  id: z.string().min(1).max(200),
  parentId: optionalRef().describe("New parent location; null or empty for a top-level location."),
});
export type LocationMoveInput = z.input<typeof locationMoveSchema>;

export const locationListSchema = z.object({
  parentId: z
    .string()
    .max(200)
    .optional()
    .describe("Return only the direct children of this location. Omit for the whole tree."),
});
export type LocationListInput = z.input<typeof locationListSchema>;
