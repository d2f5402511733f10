// Spreads N creation times over the year before the anchor, in increasing order (so WO-000001 is the
// oldest), during local working hours and with less work at weekends.
import { DAY, HOUR } from "./db";

/** UTC offset of a time zone at a moment, in hours (e.g. America/Chicago in winter: -6). */
export function utcOffsetHours(timeZone: string, at: number): number {
  const name = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(new Date(at))
    .find((p) => p.type === "timeZoneName")?.value;
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? "");
  if (!m) return 0;
  const hours = Number(m[2]) + Number(m[3] ?? 0) / 60;
  return m[1] === "-" ? -hours : hours;
}

const LOCAL_FROM = 6;
const LOCAL_TO = 20;

export class Timeline {
  private readonly dayStarts: number[] = [];
  private readonly cumulative: number[] = [];
  private readonly total: number;
  private last = 0;

  /** `days` local working days ending before `anchor`; each day's window is 06:00–20:00 local time. */
  constructor(anchor: number, timeZone: string, days = 365) {
    const offset = utcOffsetHours(timeZone, anchor);
    let from = (LOCAL_FROM - offset) * HOUR;
    // Keep the last day's window before the anchor, whatever the zone.
    while (from + (LOCAL_TO - LOCAL_FROM) * HOUR > 0) from -= DAY;
    let sum = 0;
    for (let d = 0; d < days; d++) {
      const dayStart = anchor - days * DAY + d * DAY + from + DAY;
      const weekday = new Date(dayStart + 7 * HOUR).getUTCDay(); // the middle of the local window
      sum += weekday === 0 ? 0.25 : weekday === 6 ? 0.35 : 1;
      this.dayStarts.push(dayStart);
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  /** The time at fraction u ∈ [0, 1) of the year's work; strictly increasing over successive calls. */
  at(u: number): number {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    const before = lo === 0 ? 0 : this.cumulative[lo - 1];
    const within = (target - before) / (this.cumulative[lo] - before);
    let t = Math.floor(this.dayStarts[lo] + within * (LOCAL_TO - LOCAL_FROM) * HOUR);
    if (t <= this.last) t = this.last + 1;
    // Whole seconds are left to scheduled PM occurrences, so generated due dates never collide with them.
    if (t % 1000 === 0) t += 1;
    this.last = t;
    return t;
  }
}
