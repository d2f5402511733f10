import "server-only";
// The business calendar: working days and hours, crew size and holidays. PM scheduling and backlog
// capacity (weekly crew hours) read it; Settings → Business calendar changes it. One calendar per tenant
// (BusinessCalendar.tenantId is unique), created on first save when a tenant has none yet.
import { withTenant, type Tx } from "@/lib/db/tenant";
import { notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import type { CalendarInput, HolidayInput } from "@/lib/validation/settings";
import { audit } from "./audit";
import { requireSettings } from "./settings";

export const DEFAULT_CALENDAR = { workingDays: [1, 2, 3, 4, 5], dayStart: "08:00", dayEnd: "17:00", crewSize: 1 } as const;

export interface Calendar {
  workingDays: number[];
  dayStart: string;
  dayEnd: string;
  crewSize: number;
  holidays: { id: string; date: string; name: string; recurring: boolean }[];
}

/**
 * The tenant's working time. Not secret — every member's screens (backlog in weeks, PM due dates) need it —
 * so any member may read it; changing it takes settings rights.
 */
export async function getCalendar(access: Access): Promise<Calendar> {
  const row = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.businessCalendar.findUnique({
      where: { tenantId: access.tenantId },
      select: {
        workingDays: true,
        dayStart: true,
        dayEnd: true,
        crewSize: true,
        holidays: { where: { tenantId: access.tenantId }, select: { id: true, date: true, name: true, recurring: true }, orderBy: [{ date: "asc" }, { id: "asc" }] },
      },
    }),
  );
  if (!row) return { ...DEFAULT_CALENDAR, workingDays: [...DEFAULT_CALENDAR.workingDays], holidays: [] };
  return { ...row, holidays: row.holidays.map((h) => ({ ...h, date: h.date.toISOString().slice(0, 10) })) };
}

/** Weekly crew capacity in hours, for backlog (weeks) = open estimated hours ÷ this. */
export function weeklyCapacityHours(c: Pick<Calendar, "workingDays" | "dayStart" | "dayEnd" | "crewSize">): number {
  const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return (c.workingDays.length * c.crewSize * (minutes(c.dayEnd) - minutes(c.dayStart))) / 60;
}

async function ensureCalendar(tx: Tx, tenantId: string) {
  return tx.businessCalendar.upsert({
    where: { tenantId },
    create: { tenantId, ...DEFAULT_CALENDAR, workingDays: [...DEFAULT_CALENDAR.workingDays] },
    update: {},
    select: { id: true, workingDays: true, dayStart: true, dayEnd: true, crewSize: true },
  });
}

export async function updateCalendar(access: Access, input: CalendarInput, ip: string | null = null): Promise<void> {
  requireSettings(access, "edit");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const before = await ensureCalendar(tx, access.tenantId);
    await tx.businessCalendar.update({ where: { id: before.id }, data: input });
    const { id: _id, ...previous } = before;
    await audit(tx, access, { ip, action: "calendar.update", entity: "BusinessCalendar", entityId: before.id, before: previous, after: { ...input } });
  });
}

export async function addHoliday(access: Access, input: HolidayInput, ip: string | null = null): Promise<{ id: string }> {
  requireSettings(access, "edit");
  return withTenant(access.tenantId, access.userId, async (tx) => {
    const calendar = await ensureCalendar(tx, access.tenantId);
    const row = await tx.holiday.create({
      data: { tenantId: access.tenantId, calendarId: calendar.id, name: input.name, date: new Date(`${input.date}T00:00:00Z`), recurring: input.recurring },
      select: { id: true },
    });
    await audit(tx, access, { ip, action: "calendar.holiday.add", entity: "Holiday", entityId: row.id, after: { ...input } });
    return row;
  });
}

export async function deleteHoliday(access: Access, id: string, ip: string | null = null): Promise<void> {
  requireSettings(access, "edit");
  await withTenant(access.tenantId, access.userId, async (tx) => {
    const row = await tx.holiday.findFirst({ where: { id, tenantId: access.tenantId }, select: { id: true, name: true, date: true, recurring: true } });
    if (!row) throw notFound("Holiday not found");
    await tx.holiday.delete({ where: { id: row.id } });
    await audit(tx, access, { ip,
      action: "calendar.holiday.delete",
      entity: "Holiday",
      entityId: id,
      before: { name: row.name, date: row.date.toISOString().slice(0, 10), recurring: row.recurring },
    });
  });
}
