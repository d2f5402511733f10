// Periods: calendar days in the tenant's time zone → a half-open instant range [from, to).
import { addLocalDays, dayStart, localDate } from "@/lib/data/plans-calendar";
import { AppError } from "@/lib/errors";
import { MAX_PERIOD_DAYS, type PeriodPreset } from "@/lib/validation/kpi";

export interface Period {
  from: Date;
  to: Date;
  hours: number;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date-only `to` is the last day included, so the range ends at the next local midnight. */
export function resolvePeriod(from: string, to: string, timeZone: string): Period {
  const start = DATE_ONLY.test(from) ? dayStart(from, timeZone) : Date.parse(from);
  const end = DATE_ONLY.test(to) ? addLocalDays(dayStart(to, timeZone), 1, timeZone) : Date.parse(to);
  if (!(end > start)) throw new AppError("invalid", "The period must end after it starts");
  if (end - start > MAX_PERIOD_DAYS * 86_400_000) throw new AppError("invalid", `The period can span at most ${MAX_PERIOD_DAYS} days`);
  return { from: new Date(start), to: new Date(end), hours: (end - start) / 3_600_000 };
}

/** The from/to days of a dashboard preset, ending today (local). */
export function presetRange(preset: PeriodPreset, now: number, timeZone: string): { from: string; to: string } {
  const to = localDate(now, timeZone);
  if (preset === "ytd") return { from: `${to.slice(0, 4)}-01-01`, to };
  const days = preset === "30d" ? 30 : preset === "90d" ? 90 : 365;
  return { from: localDate(addLocalDays(dayStart(to, timeZone), 1 - days, timeZone), timeZone), to };
}
