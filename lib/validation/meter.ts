// Meter reading input, shared by the asset page's reading form, the MCP tool and lib/data/meters.ts.
import { z } from "zod";
import { formNumber } from "./asset-fields";

export const READING_SOURCES = ["manual", "import", "api", "mcp"] as const;

export const meterReadingSchema = z.object({
  meterId: z.string().min(1).max(200),
  value: formNumber().describe("The reading. Counters (e.g. runtime hours) never go backwards."),
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .describe("When it was read (ISO 8601). Defaults to now; may not be in the future."),
});
export type MeterReadingInput = z.input<typeof meterReadingSchema>;
