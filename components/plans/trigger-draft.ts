// A plan trigger as the plan form edits it (strings, date and time in the tenant's zone), and the
// conversions to and from the stored trigger and the validated input. Plain functions, usable by the
// server pages that prepare the form and by the form itself.
import { fromZoned, zonedParts } from "@/lib/data/plans-calendar";

export interface TriggerDraft {
  kind: "calendar" | "meter_interval" | "meter_threshold";
  interval: string;
  unit: "day" | "week" | "month";
  floating: boolean;
  /** YYYY-MM-DD and HH:MM in the tenant's time zone */
  date: string;
  time: string;
  meterId: string;
  meterInterval: string;
  threshold: string;
  direction: "above" | "below";
}

/** A trigger as stored → the form's draft (date and time in the tenant's zone). */
export function toDraft(
  t: { kind: string; interval: number | null; unit: string | null; floating: boolean; startsAt: Date | null; meterId: string | null; meterInterval: number | null; threshold: number | null; direction: string | null },
  timeZone: string,
): TriggerDraft {
  const p = t.startsAt ? zonedParts(t.startsAt.getTime(), timeZone) : null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    kind: t.kind as TriggerDraft["kind"],
    interval: String(t.interval ?? 1),
    unit: (t.unit ?? "month") as TriggerDraft["unit"],
    floating: t.floating,
    date: p ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : "",
    time: p ? `${pad(p.hour)}:${pad(p.minute)}` : "08:00",
    meterId: t.meterId ?? "",
    meterInterval: t.meterInterval === null ? "" : String(t.meterInterval),
    threshold: t.threshold === null ? "" : String(t.threshold),
    direction: (t.direction ?? "above") as TriggerDraft["direction"],
  };
}

export function newTrigger(today: string): TriggerDraft {
  return { kind: "calendar", interval: "1", unit: "month", floating: false, date: today, time: "08:00", meterId: "", meterInterval: "", threshold: "", direction: "above" };
}

export function toInput(t: TriggerDraft, timeZone: string) {
  if (t.kind === "calendar") {
    const [y, m, d] = t.date.split("-").map(Number);
    const [h, min] = (t.time || "00:00").split(":").map(Number);
    return { kind: t.kind, interval: Number(t.interval), unit: t.unit, floating: t.floating, startsAt: new Date(fromZoned(y, m, d, h, min, timeZone)).toISOString() };
  }
  if (t.kind === "meter_interval") return { kind: t.kind, meterId: t.meterId, meterInterval: Number(t.meterInterval) };
  return { kind: t.kind, meterId: t.meterId, threshold: Number(t.threshold), direction: t.direction };
}

