// Time-zone and business-calendar arithmetic behind PM due dates (no database).
import { describe, expect, it } from "vitest";
import { addLocalDays, addLocalMonths, dailyHours, dayStart, fromZoned, isWorkingDay, localDate, nextWorkingDay, zonedParts, type WorkCalendar } from "./plans-calendar";
import { fixedDates, leadDays } from "./plans-schedule";

const CHICAGO = "America/Chicago";
const iso = (ms: number) => new Date(ms).toISOString();

describe("zoned time", () => {
  it("reads and builds local wall-clock times", () => {
    const at = Date.parse("2026-12-24T14:00:00Z");
    expect(zonedParts(at, CHICAGO)).toMatchObject({ year: 2026, month: 12, day: 24, hour: 8, minute: 0, weekday: 4 });
    expect(iso(fromZoned(2026, 12, 24, 8, 0, CHICAGO))).toBe("2026-12-24T14:00:00.000Z");
    expect(iso(dayStart("2026-07-04", CHICAGO))).toBe("2026-07-04T05:00:00.000Z");
    expect(localDate(Date.parse("2026-01-01T03:00:00Z"), CHICAGO)).toBe("2025-12-31");
  });

  it("keeps the wall-clock time across a DST change", () => {
    const before = Date.parse("2027-03-11T14:00:00Z"); // Thu 08:00 CST
    expect(iso(addLocalDays(before, 7, CHICAGO))).toBe("2027-03-18T13:00:00.000Z"); // Thu 08:00 CDT
  });

  it("clamps month ends", () => {
    const jan31 = fromZoned(2027, 1, 31, 9, 0, "UTC");
    expect(iso(addLocalMonths(jan31, 1, "UTC"))).toBe("2027-02-28T09:00:00.000Z");
    expect(iso(addLocalMonths(jan31, 2, "UTC"))).toBe("2027-03-31T09:00:00.000Z");
  });
});

describe("business calendar", () => {
  const calendar: WorkCalendar = {
    timezone: CHICAGO,
    workingDays: [1, 2, 3, 4, 5],
    holidays: [
      { date: "2020-12-24", recurring: true },
      { date: "2020-12-25", recurring: true },
      { date: "2026-11-26", recurring: false },
    ],
  };

  it("moves due dates off weekends and holidays, keeping the local time", () => {
    const christmasEve = Date.parse("2026-12-24T14:00:00Z"); // Thursday, recurring holiday
    expect(isWorkingDay(christmasEve, calendar)).toBe(false);
    expect(iso(nextWorkingDay(christmasEve, calendar))).toBe("2026-12-28T14:00:00.000Z"); // past Christmas and the weekend
    const thanksgiving = Date.parse("2026-11-26T15:00:00Z");
    expect(iso(nextWorkingDay(thanksgiving, calendar))).toBe("2026-11-27T15:00:00.000Z");
    const tuesday = Date.parse("2026-12-29T14:00:00Z");
    expect(nextWorkingDay(tuesday, calendar)).toBe(tuesday);
    expect(nextWorkingDay(christmasEve, { ...calendar, workingDays: [] })).toBe(christmasEve);
  });

  it("counts daily hours", () => {
    expect(dailyHours("08:00", "17:00")).toBe(9);
    expect(dailyHours("07:30", "16:00")).toBe(8.5);
    expect(dailyHours("17:00", "08:00")).toBe(0);
  });
});

describe("fixed schedules", () => {
  const weekly = { kind: "calendar" as const, interval: 1, unit: "week" as const, floating: false, startsAt: new Date("2026-01-01T14:00:00Z") };

  it("lists the nominal dates in a window, skipping ahead from an old start", () => {
    const dates = fixedDates(weekly, Date.parse("2026-12-20T00:00:00Z"), Date.parse("2027-01-10T00:00:00Z"), CHICAGO);
    expect(dates.map(iso)).toEqual(["2026-12-24T14:00:00.000Z", "2026-12-31T14:00:00.000Z", "2027-01-07T14:00:00.000Z"]);
  });

  it("derives the lead time from the shortest calendar interval", () => {
    expect(leadDays([{ kind: "calendar", interval: 1, unit: "day" }])).toBe(0);
    expect(leadDays([{ kind: "calendar", interval: 1, unit: "week" }])).toBe(1);
    expect(leadDays([{ kind: "calendar", interval: 1, unit: "month" }])).toBe(7);
    expect(leadDays([{ kind: "calendar", interval: 12, unit: "month" }])).toBe(14);
    expect(leadDays([{ kind: "meter_interval", interval: null, unit: null }])).toBe(0);
  });
});
