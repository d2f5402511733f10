// Wall-clock time in a tenant's time zone and the business calendar (working days, holidays) that PM due
// dates and backlog capacity follow. Pure functions: the callers load the calendar rows.
// Timestamps are epoch milliseconds; "local" means the tenant's IANA time zone.

export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** ISO weekday: 1 Monday … 7 Sunday */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function zonedParts(ms: number, timeZone: string): ZonedParts & { second: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday] ?? 1,
  };
}

/** Local minus UTC, in milliseconds, at that instant (whole seconds). */
function offsetMs(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The instant a local wall-clock time happens (around a DST change, the nearest valid reading). */
export function fromZoned(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetMs(guess, timeZone);
  const second = guess - offsetMs(first, timeZone);
  return second;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of the local calendar day. */
export function localDate(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Start (local midnight) of a "YYYY-MM-DD" day, as an instant. */
export function dayStart(date: string, timeZone: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return fromZoned(y, m, d, 0, 0, timeZone);
}

/** Same local wall-clock time `days` later (DST-safe, unlike adding 24 h). */
export function addLocalDays(ms: number, days: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  return fromZoned(p.year, p.month, p.day + days, p.hour, p.minute, timeZone);
}

/** Same local time `months` later; the 31st becomes the last day of a shorter month. */
export function addLocalMonths(ms: number, months: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const first = new Date(Date.UTC(p.year, p.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return fromZoned(first.getUTCFullYear(), first.getUTCMonth() + 1, Math.min(p.day, lastDay), p.hour, p.minute, timeZone);
}

export interface WorkCalendar {
  timezone: string;
  /** ISO weekdays 1 (Mon) … 7 (Sun) */
  workingDays: number[];
  /** "YYYY-MM-DD"; a recurring holiday matches the same month and day every year */
  holidays: { date: string; recurring: boolean; name?: string }[];
}

/** Monday to Friday, no holidays: what a tenant without a business calendar gets. */
export const DEFAULT_WORKING_DAYS = [1, 2, 3, 4, 5];

/** The holiday on that local day, if any. */
export function holidayOn(ms: number, calendar: WorkCalendar): WorkCalendar["holidays"][number] | undefined {
  const date = localDate(ms, calendar.timezone);
  return calendar.holidays.find((h) => (h.recurring ? h.date.slice(5) === date.slice(5) : h.date === date));
}

export function isWorkingDay(ms: number, calendar: WorkCalendar): boolean {
  return calendar.workingDays.includes(zonedParts(ms, calendar.timezone).weekday) && !holidayOn(ms, calendar);
}

/**
 * A due date that falls on a non-working day or a holiday moves to the next working day, keeping its local
 * time. A calendar with no working days at all leaves dates alone rather than looping.
 */
export function nextWorkingDay(ms: number, calendar: WorkCalendar): number {
  if (calendar.workingDays.length === 0) return ms;
  let at = ms;
  for (let i = 0; i < 400 && !isWorkingDay(at, calendar); i++) at = addLocalDays(at, 1, calendar.timezone);
  return at;
}

/** Hours between "HH:MM" day start and end (0 when the end is not after the start). */
export function dailyHours(dayStartHm: string, dayEndHm: string): number {
  const minutes = (hm: string) => {
    const [h, m] = hm.split(":").map(Number);
    return h * 60 + (m || 0);
  };
  return Math.max(0, minutes(dayEndHm) - minutes(dayStartHm)) / 60;
}
