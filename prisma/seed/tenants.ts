// Who and what: the demo tenants, their people, calendars and settings (ARCHITECTURE.md §6).
import { ACME } from "./catalog-acme";
import { GLOBEX } from "./catalog-globex";
import type { Catalog, PersonDef } from "./catalog";
import { pad } from "./db";

export interface HolidayDef {
  date: string;
  name: string;
  recurring: boolean;
}

export interface TenantDef {
  slug: string;
  name: string;
  timezone: string;
  locale: string;
  currency: string;
  catalog: Catalog;
  people: PersonDef[];
  crewSize: number;
  /** how many work orders of history to generate */
  workOrders: number;
  holidays(year: number): HolidayDef[];
  settings(aiGroupId: string): Record<string, unknown>;
}

/** Every demo tenant id starts with its slug, so ids stay readable: acme-wo-000123. */
export const tenantId = (slug: string) => `tenant-${slug}`;

/** Stable user ids from emails: admin@acme.test → user-admin-acme. */
export function userId(email: string): string {
  return `user-${email.replace(/\.test$/, "").replace(/[^a-z0-9]+/gi, "-").toLowerCase()}`;
}

/** Thanksgiving: fourth Thursday of November. */
function thanksgiving(year: number): string {
  const first = new Date(Date.UTC(year, 10, 1)).getUTCDay();
  const day = 1 + ((4 - first + 7) % 7) + 21;
  return `${year}-11-${pad(day, 2)}`;
}

const ACME_PEOPLE: PersonDef[] = [
  { email: "admin@acme.test", name: "Alex Morgan", role: "administrator", rate: 68 },
  { email: "tech@acme.test", name: "Taylor Reyes", role: "technician", rate: 52 },
  { email: "viewer@acme.test", name: "Vivian Chen", role: "read_only" },
  { email: "requester@acme.test", name: "Riley Brooks", role: "requester" },
  { email: "multi@fettle.test", name: "Morgan Patel", role: "technician", rate: 55 },
  { email: "maria.lopez@acme.test", name: "María López", role: "technician", rate: 54.5 },
  { email: "james.oconnor@acme.test", name: "James O'Connor", role: "technician", rate: 49 },
  { email: "priya.nair@acme.test", name: "Priya Nair", role: "technician", rate: 58 },
  { email: "tomasz.kowalski@acme.test", name: "Tomasz Kowalski", role: "limited_technician", rate: 42.5 },
];

const GLOBEX_PEOPLE: PersonDef[] = [
  { email: "admin@globex.test", name: "Grace Okafor", role: "administrator", rate: 64 },
  { email: "multi@fettle.test", name: "Morgan Patel", role: "technician", rate: 51 },
  { email: "daniel.kim@globex.test", name: "Daniel Kim", role: "technician", rate: 47.5 },
  { email: "fatima.haddad@globex.test", name: "Fatima Haddad", role: "technician", rate: 49 },
  { email: "lars.eriksen@globex.test", name: "Lars Eriksen", role: "limited_technician", rate: 41 },
  { email: "requester@globex.test", name: "Sam Whitfield", role: "requester" },
];

const BENCH_TECHS = ["Avery Quinn", "Jordan Blake", "Casey Romero", "Drew Hughes", "Jamie Silva", "Robin Weber"];

export function demoTenants(acmeWorkOrders: number, extraTenants: number, extraWorkOrders = acmeWorkOrders): TenantDef[] {
  const globexWorkOrders = Math.min(450, Math.max(20, Math.round(acmeWorkOrders * 0.3)));
  const tenants: TenantDef[] = [
    {
      slug: "acme",
      name: "Acme Manufacturing",
      timezone: "America/Chicago",
      locale: "en",
      currency: "USD",
      catalog: ACME,
      people: ACME_PEOPLE,
      crewSize: 6,
      workOrders: acmeWorkOrders,
      holidays: (y) => [
        { date: `${y}-01-01`, name: "New Year's Day", recurring: true },
        { date: `${y}-07-04`, name: "Independence Day", recurring: true },
        { date: thanksgiving(y), name: "Thanksgiving", recurring: false },
        { date: `${y}-12-24`, name: "Christmas Eve (plant shutdown)", recurring: true },
        { date: `${y}-12-25`, name: "Christmas Day", recurring: true },
      ],
      settings: (groupId) => ({ workOrderPrefix: "WO-", allowSelfRegisteredClients: true, selfRegisteredGroupId: groupId }),
    },
    {
      slug: "globex",
      name: "Globex Utilities",
      timezone: "Europe/Madrid",
      locale: "en",
      currency: "EUR",
      catalog: GLOBEX,
      people: GLOBEX_PEOPLE,
      crewSize: 4,
      workOrders: globexWorkOrders,
      holidays: (y) => [
        { date: `${y}-01-01`, name: "New Year's Day", recurring: true },
        { date: `${y}-01-06`, name: "Epiphany", recurring: true },
        { date: `${y}-05-01`, name: "Labour Day", recurring: true },
        { date: `${y}-10-12`, name: "National Day", recurring: true },
        { date: `${y}-12-25`, name: "Christmas Day", recurring: true },
      ],
      settings: () => ({ workOrderPrefix: "WO-", allowSelfRegisteredClients: false }),
    },
  ];
  for (let n = 1; n <= extraTenants; n++) {
    const slug = `bench-${pad(n, 2)}`;
    tenants.push({
      slug,
      name: `Benchmark Tenant ${pad(n, 2)}`,
      timezone: "UTC",
      locale: "en",
      currency: "USD",
      catalog: ACME,
      people: [
        { email: `admin@${slug}.test`, name: `Bench Admin ${pad(n, 2)}`, role: "administrator", rate: 60 },
        ...BENCH_TECHS.map((name, i): PersonDef => ({
          email: `tech${i + 1}@${slug}.test`,
          name,
          role: "technician",
          rate: 45 + i * 2.5,
        })),
        { email: `requester@${slug}.test`, name: `Bench Requester ${pad(n, 2)}`, role: "requester" },
      ],
      crewSize: 6,
      workOrders: extraWorkOrders,
      holidays: (y) => [
        { date: `${y}-01-01`, name: "New Year's Day", recurring: true },
        { date: `${y}-12-25`, name: "Christmas Day", recurring: true },
      ],
      settings: () => ({ workOrderPrefix: "WO-", allowSelfRegisteredClients: false }),
    });
  }
  return tenants;
}

/** Every email the seed may create (also those of the default tenants when run with fewer options). */
export function demoEmails(tenants: TenantDef[]): string[] {
  const emails = new Set<string>([...ACME_PEOPLE, ...GLOBEX_PEOPLE].map((p) => p.email));
  for (const t of tenants) for (const p of t.people) emails.add(p.email);
  return [...emails].sort();
}
