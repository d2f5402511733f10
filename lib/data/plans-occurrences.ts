import "server-only";
// PM occurrences: upcoming and overdue lists (UI and MCP) and the calendar of the coming weeks, laid out on
// the tenant's business calendar (working days, holidays) in its time zone.
import { withTenant, type Tx } from "@/lib/db/tenant";
import type { Prisma } from "@/lib/generated/prisma/client";
import { forbidden, notFound } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";
import { calendarInput, occurrenceListInput, type OccurrenceListInput } from "@/lib/validation/plan";
import type { z } from "zod";
import { clampLimit, decodeCursor, toPage } from "./pagination";
import { addLocalDays, dayStart, holidayOn, isWorkingDay, localDate } from "./plans-calendar";
import { loadWorkCalendar } from "./plans-schedule";

const DAY = 86_400_000;

const occurrenceSelect = {
  id: true,
  dueAt: true,
  status: true,
  plan: { select: { id: true, code: true, name: true, asset: { select: { id: true, code: true, name: true } } } },
  workOrder: { select: { id: true, code: true, status: true } },
} as const;

async function checkFilters(tx: Tx, tenantId: string, input: { planId?: string; assetId?: string }) {
  if (input.planId && !(await tx.maintenancePlan.findFirst({ where: { id: input.planId, tenantId }, select: { id: true } }))) {
    throw notFound("Maintenance plan not found");
  }
  if (input.assetId && !(await tx.asset.findFirst({ where: { id: input.assetId, tenantId }, select: { id: true } }))) {
    throw notFound("Asset not found");
  }
}

/**
 * upcoming: due from now to now + days (default 30), not done or skipped, soonest first.
 * overdue: due before now and still not done: no work order yet, or its work order is still open.
 */
export async function listPmOccurrences(access: Access, raw: OccurrenceListInput, now = new Date()) {
  if (!can(access, "plans", "view")) throw forbidden();
  const input = occurrenceListInput.parse(raw);
  const limit = clampLimit(input.limit);
  const after = decodeCursor(input.cursor);
  const when: Prisma.PmOccurrenceWhereInput =
    input.when === "upcoming"
      ? { dueAt: { gte: now, lt: new Date(now.getTime() + (input.days ?? 30) * DAY) }, status: { in: ["scheduled", "due", "in_wo"] } }
      : {
          dueAt: { lt: now },
          OR: [{ status: { in: ["scheduled", "due"] } }, { status: "in_wo", workOrder: { status: { notIn: ["completed", "cancelled"] } } }],
        };
  return withTenant(access.tenantId, access.userId, async (tx) => {
    await checkFilters(tx, access.tenantId, input);
    const rows = await tx.pmOccurrence.findMany({
      where: {
        tenantId: access.tenantId,
        AND: [
          when,
          input.planId ? { planId: input.planId } : {},
          input.assetId ? { plan: { assetId: input.assetId } } : {},
          after ? { OR: [{ dueAt: { gt: new Date(String(after.k)) } }, { dueAt: new Date(String(after.k)), id: { gt: after.id } }] } : {},
        ],
      },
      select: occurrenceSelect,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
      take: limit + 1,
    });
    return toPage(rows, limit, (r) => r.dueAt.toISOString());
  });
}

export type CalendarDay = {
  date: string;
  working: boolean;
  holiday: string | null;
  occurrences: Prisma.PmOccurrenceGetPayload<{ select: typeof occurrenceSelect }>[];
};

/** The coming days from `from` (a local day), each with its working status and the occurrences due on it. */
export async function getPmCalendar(access: Access, raw: z.input<typeof calendarInput>): Promise<{ timezone: string; days: CalendarDay[] }> {
  if (!can(access, "plans", "view")) throw forbidden();
  const input = calendarInput.parse(raw);
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const calendar = await loadWorkCalendar(tx, access.tenantId);
    const start = dayStart(localDate(input.from.getTime(), calendar.timezone), calendar.timezone);
    const end = addLocalDays(start, input.days, calendar.timezone);
    const rows = await tx.pmOccurrence.findMany({
      where: { tenantId: access.tenantId, dueAt: { gte: new Date(start), lt: new Date(end) }, status: { not: "skipped" } },
      select: occurrenceSelect,
      orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    });
    const days: CalendarDay[] = [];
    for (let at = start; at < end; at = addLocalDays(at, 1, calendar.timezone)) {
      const date = localDate(at, calendar.timezone);
      days.push({
        date,
        working: isWorkingDay(at, calendar),
        holiday: holidayOn(at, calendar)?.name ?? null,
        occurrences: rows.filter((r) => localDate(r.dueAt.getTime(), calendar.timezone) === date),
      });
    }
    return { timezone: calendar.timezone, days };
  });
}
