// Tenant settings (Settings → General, Security, Business calendar): the shape of Tenant.settings and the
// forms that change it. Error messages are keys of messages/<locale>/settings.json → settings.errors, so the
// screens can show them in the reader's language.
import { z } from "zod";
import { LOCALES } from "@/i18n/locales";
import { selfRegistrationSettingsSchema } from "./oauth";

/** next-auth's session maxAge (lib/auth/session.ts) is global: a tenant can ask for less, never more. */
export const MAX_SESSION_HOURS = 12;
export const PASSWORD_MIN_LENGTH = { min: 8, max: 128, default: 12 } as const;

/**
 * Tenant.settings. Built on the OAuth engineer's schema so the keys the authorization server reads
 * (allowSelfRegisteredClients, selfRegisteredGroupId) are the same ones this screen writes. Unknown keys
 * are kept; a malformed value falls back to its default instead of breaking every page that reads it.
 */
export const tenantSettingsSchema = selfRegistrationSettingsSchema.extend({
  workOrderPrefix: z.string().catch("WO-").default("WO-"),
  passwordMinLength: z.number().int().min(PASSWORD_MIN_LENGTH.min).max(PASSWORD_MIN_LENGTH.max).catch(PASSWORD_MIN_LENGTH.default).default(PASSWORD_MIN_LENGTH.default),
  sessionHours: z.number().int().min(1).max(MAX_SESSION_HOURS).catch(MAX_SESSION_HOURS).default(MAX_SESSION_HOURS),
});
export type TenantSettings = z.infer<typeof tenantSettingsSchema>;

export function readTenantSettings(raw: unknown): TenantSettings {
  const object = raw && typeof raw === "object" && !Array.isArray(raw) ? raw : {};
  return tenantSettingsSchema.parse(object);
}

/** Paths the app itself uses at the top level can never be a tenant's slug. */
const RESERVED_SLUGS = new Set(["api", "login", "logout", "oauth", "no-tenant", "settings", "profile", "admin", "auth", "static", "public", "health", "www"]);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export function currencies(): string[] {
  return Intl.supportedValuesOf("currency");
}

export function timeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}

const text = (max: number) => z.string().trim().min(1, "required").max(max, "tooLong");

export const generalSchema = z.object({
  name: text(100),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/, "slugFormat")
    .refine((s) => !RESERVED_SLUGS.has(s), "slugReserved"),
  timezone: z.string().max(100).refine(isTimeZone, "invalid"),
  locale: z.enum(LOCALES, "invalid"),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .refine((c) => currencies().includes(c), "invalid"),
  workOrderPrefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,9}$/, "prefixFormat"),
});
export type GeneralInput = z.infer<typeof generalSchema>;

const checkbox = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false")]).transform((v) => v === true || v === "on" || v === "true");
const int = (min: number, max: number) => z.coerce.number("invalid").int("invalid").min(min, "tooSmall").max(max, "tooLarge");

export const securitySchema = z
  .object({
    passwordMinLength: int(PASSWORD_MIN_LENGTH.min, PASSWORD_MIN_LENGTH.max),
    sessionHours: int(1, MAX_SESSION_HOURS),
    allowSelfRegisteredClients: checkbox.default(false),
    selfRegisteredGroupId: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(100).optional()),
  })
  .refine((s) => !s.allowSelfRegisteredClients || s.selfRegisteredGroupId, { path: ["selfRegisteredGroupId"], message: "groupRequired" });
export type SecurityInput = z.infer<typeof securitySchema>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "timeFormat");

export const calendarSchema = z
  .object({
    workingDays: z
      .array(z.coerce.number().int().min(1).max(7))
      .min(1, "workingDaysRequired")
      .transform((days) => [...new Set(days)].sort()),
    dayStart: time,
    dayEnd: time,
    crewSize: int(1, 10_000),
  })
  .refine((c) => c.dayStart < c.dayEnd, { path: ["dayEnd"], message: "endBeforeStart" });
export type CalendarInput = z.infer<typeof calendarSchema>;

export const holidaySchema = z.object({
  name: text(100),
  date: z.iso.date("invalidDate"),
  recurring: checkbox.default(false),
});
export type HolidayInput = z.infer<typeof holidaySchema>;

export const idSchema = z.object({ id: z.string().min(1).max(200) });
