// Keyset pagination shared by every list (UI, REST, MCP): opaque cursors and clamped limits. A cursor only
// names a position in a sort order; the query that reads it is still tenant-filtered, so a cursor from
// another tenant reveals and returns nothing of that tenant.
import { z } from "zod";
import { AppError } from "@/lib/errors";

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

export const pageInput = z.object({
  limit: z.number().int().optional().describe(`Rows per page, 1–${MAX_LIMIT} (default ${DEFAULT_LIMIT}).`),
  cursor: z.string().max(500).optional().describe("Opaque cursor from a previous page's nextCursor."),
});

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(Math.max(Math.trunc(limit), 1), MAX_LIMIT);
}

/** A position after a row: its sort key (ISO date, number or string) and its id as the tie-breaker. */
export type CursorPosition = { k: string | number | null; id: string };

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

const positionSchema = z.object({ k: z.union([z.string(), z.number(), z.null()]), id: z.string().max(200) });

export function decodeCursor(cursor: string | undefined): CursorPosition | null {
  if (!cursor) return null;
  try {
    return positionSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new AppError("invalid", "Invalid cursor");
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetch limit + 1 rows; this trims the extra one and makes the next cursor from the last row kept. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, key: (row: T) => string | number | null): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ k: key(last), id: last.id }) : null };
}
