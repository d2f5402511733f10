// Dates in work order inputs: "YYYY-MM-DD" names a day in the tenant's time zone (a maintenance team
// thinks in local days), an ISO date-time with offset names an instant. Pure Intl, no date library.
const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds the zone is ahead of UTC at `at`. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The instant a wall-clock time in `timeZone` happens (the second pass settles DST changes). */
function fromWallClock(wall: number, timeZone: string): Date {
  const first = wall - zoneOffset(wall, timeZone);
  return new Date(wall - zoneOffset(first, timeZone));
}

/** Reads a validated date input; a bare day becomes its first or last millisecond in the tenant's zone. */
export function toInstant(value: string, timeZone: string, edge: "start" | "end"): Date {
  const day = DAY_ONLY.exec(value);
  if (!day) return new Date(value);
  const [y, m, d] = [Number(day[1]), Number(day[2]) - 1, Number(day[3])];
  const wall = edge === "start" ? Date.UTC(y, m, d) : Date.UTC(y, m, d, 23, 59, 59, 999);
  return fromWallClock(wall, timeZone);
}

/** The tenant-local day of an instant as YYYY-MM-DD, e.g. for a date input's value. */
export function localDay(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}
