import "server-only";
// Meters and their readings. Recording a reading checks it (a counter never goes backwards) and, in the
// same transaction, evaluates the meter's PM triggers (meter-triggers.ts), so a reading and the PM it
// makes due commit together or not at all.
import type { Prisma } from "@/lib/generated/prisma/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { meterReadingSchema, type MeterReadingInput, type READING_SOURCES } from "@/lib/validation/meter";
import { audit } from "./audit";
import { parseInput, requireRight } from "./assets-shared";
import { evaluateMeterTriggers, type TriggeredPm } from "./meter-triggers";
import { clampLimit, decodeCursor, toPage, type Page } from "./pagination";

/** A reading may be stamped a little ahead of the server clock (device clocks drift), not more. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const readingSelect = { id: true, at: true, value: true, source: true } as const satisfies Prisma.MeterReadingSelect;

/**
 * The asset's meters, each with its latest reading and the last `readings` readings oldest-first (charts).
 * One statement: the readings come as a nested relation (a LATERAL join per meter), not a query per meter.
 */
export async function assetMeters(tx: Tx, tenantId: string, assetId: string, readings: number) {
  const meters = await tx.meter.findMany({
    where: { tenantId, assetId },
    select: {
      id: true,
      name: true,
      unit: true,
      kind: true,
      readings: { select: { at: true, value: true }, orderBy: [{ at: "desc" }, { id: "desc" }], take: Math.max(1, Math.min(readings, 200)) },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return meters.map(({ readings: recent, ...meter }) => ({ ...meter, latest: recent[0] ?? null, readings: readings > 0 ? recent.reverse() : [] }));
}
export type AssetMeter = Awaited<ReturnType<typeof assetMeters>>[number];

/** One page of a meter's readings, newest first. */
export async function listMeterReadings(
  access: Access,
  input: { meterId: string; limit?: number; cursor?: string },
): Promise<Page<Prisma.MeterReadingGetPayload<{ select: typeof readingSelect }>>> {
  requireRight(access, "assets", "view");
  const limit = clampLimit(input.limit);
  const after = decodeCursor(input.cursor);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const meter = await tx.meter.findFirst({ where: { id: input.meterId, tenantId }, select: { id: true } });
    if (!meter) throw notFound("Meter not found");
    const where: Prisma.MeterReadingWhereInput = { tenantId, meterId: meter.id };
    if (after) {
      const at = new Date(String(after.k));
      if (Number.isNaN(at.getTime())) return { items: [], nextCursor: null };
      where.OR = [{ at: { lt: at } }, { at, id: { lt: after.id } }];
    }
    const rows = await tx.meterReading.findMany({ where, select: readingSelect, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit + 1 });
    return toPage(rows, limit, (r) => r.at.toISOString());
  });
}

export interface RecordedReading {
  reading: { id: string; meterId: string; assetId: string; at: Date; value: number; source: string };
  meter: { id: string; name: string; unit: string; kind: "gauge" | "counter" };
  /** PM occurrences this reading made due (status "due"; the PM scheduler turns them into work orders) */
  triggered: TriggeredPm[];
}

/**
 * Records a meter reading. Counter readings must not go backwards: a value below the reading before it,
 * or above the reading after it (for a back-dated one), is refused. Gauges take any value.
 */
export async function recordMeterReading(
  access: Access,
  input: MeterReadingInput,
  source: (typeof READING_SOURCES)[number] = "manual",
): Promise<RecordedReading> {
  requireRight(access, "assets", "edit");
  const data = parseInput(meterReadingSchema, input);
  const at = data.at ? new Date(data.at) : new Date();
  if (at.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw new AppError("invalid", "A reading cannot be in the future");
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    // Lock the meter row: concurrent readings of one meter are checked one after the other.
    const [meter] = await tx.$queryRaw<{ id: string; assetId: string; name: string; unit: string; kind: "gauge" | "counter" }[]>`
      SELECT id, "assetId", name, unit, kind::text AS kind FROM "Meter"
       WHERE id = ${data.meterId} AND "tenantId" = ${tenantId} FOR UPDATE`;
    if (!meter) throw notFound("Meter not found");
    const previous = await tx.meterReading.findFirst({
      where: { tenantId, meterId: meter.id, at: { lte: at } },
      select: { at: true, value: true },
      orderBy: [{ at: "desc" }, { id: "desc" }],
    });
    const next = await tx.meterReading.findFirst({
      where: { tenantId, meterId: meter.id, at: { gt: at } },
      select: { at: true, value: true },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    if (meter.kind === "counter") {
      if (previous && data.value < previous.value) {
        throw new AppError("invalid", `A counter cannot go backwards: the previous reading was ${previous.value} ${meter.unit}`);
      }
      if (next && data.value > next.value) {
        throw new AppError("invalid", `A counter cannot go backwards: a later reading is ${next.value} ${meter.unit}`);
      }
    }
    const reading = await tx.meterReading.create({
      data: { tenantId, meterId: meter.id, at, value: data.value, source },
      select: readingSelect,
    });
    // Only the newest reading moves the meter forward; a back-dated one fills in history.
    const triggered = next ? [] : await evaluateMeterTriggers(tx, access, meter, { id: reading.id, at, value: data.value }, previous);
    await audit(tx, access, {
      action: "meter.reading.record",
      entity: "MeterReading",
      entityId: reading.id,
      after: { meterId: meter.id, assetId: meter.assetId, at: at.toISOString(), value: data.value, source, triggered: triggered.map((t) => t.occurrenceId) },
    });
    return {
      reading: { ...reading, meterId: meter.id, assetId: meter.assetId },
      meter: { id: meter.id, name: meter.name, unit: meter.unit, kind: meter.kind },
      triggered,
    };
  });
}
