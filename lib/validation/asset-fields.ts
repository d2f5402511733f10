// Field schemas shared by the asset, location, meter and request schemas. The same schema parses a browser
// form (every value a string; "" for an empty field, "on" for a ticked box) and an MCP/REST call (typed
// JSON), so the preprocessing below maps form strings to the typed values before validation. Only
// preprocess/pipe on the input side: the MCP SDK renders the input side as JSON Schema.
import { z } from "zod";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Required text, trimmed. */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Optional text: "" or null clears the field (null), absent leaves it unchanged (undefined). */
export const optionalText = (max: number) => z.preprocess(blankToNull, z.string().trim().max(max).nullable().optional());

/** An id reference: "" or null means "none" (null), absent means "unchanged" (undefined). */
export const optionalRef = () => z.preprocess(blankToNull, z.string().trim().min(1).max(200).nullable().optional());

/** A number from JSON or a form field; "" is treated as absent. */
export const formNumber = () =>
  z.preprocess((v) => {
    const b = blankToUndefined(v);
    return typeof b === "string" ? Number(b) : b;
  }, z.number().finite());

export const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => {
    const b = blankToUndefined(v);
    return typeof b === "string" ? Number(b) : b;
  }, z.number().int().min(min).max(max).optional());

/** A checkbox ("on" when ticked, absent when not) or a JSON boolean. */
export const formBoolean = () =>
  z.preprocess((v) => (v === "on" || v === "true" ? true : v === "false" || v === undefined || v === "" ? false : v), z.boolean());

/** A calendar date (YYYY-MM-DD) or a full ISO date-time with offset; "" or null clears it. */
export const optionalDate = () =>
  z.preprocess(blankToNull, z.union([z.iso.date(), z.iso.datetime({ offset: true })]).nullable().optional());

export const toDate = (value: string | null | undefined): Date | null | undefined =>
  value === undefined ? undefined : value === null ? null : new Date(value);
