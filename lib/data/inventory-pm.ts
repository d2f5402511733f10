import "server-only";
// Parts needed by upcoming preventive maintenance. The schema has no plan → part link, so the need is
// derived from history: for each plan with occurrences coming up, the average quantity of each part used
// per completed work order of that plan (PartUsage on the work orders of its done occurrences), times the
// number of occurrences due in the window (overdue ones not yet done included). Compared with stock on hand.
import { withTenant } from "@/lib/db/tenant";
import { forbidden } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";
import { upcomingPartsInput } from "@/lib/validation/inventory";
import type { z } from "zod";

const DAY = 86_400_000;

export interface UpcomingPartNeed {
  partId: string;
  code: string;
  name: string;
  unit: string;
  /** expected quantity for the occurrences in the window */
  needed: number;
  onHand: number;
  shortfall: number;
  /** codes of the plans that need it */
  plans: string[];
}

export async function partsForUpcomingPm(access: Access, raw: z.input<typeof upcomingPartsInput>, now = new Date()) {
  if (!can(access, "inventory", "view")) throw forbidden();
  const { days = 30 } = upcomingPartsInput.parse(raw);
  const until = new Date(now.getTime() + days * DAY).toISOString();
  const t = access.tenantId;
  const rows = await withTenant(t, access.userId, (tx) =>
    tx.$queryRaw<Omit<UpcomingPartNeed, "shortfall">[]>`
      WITH upcoming AS (
        SELECT o."planId", count(*)::int AS n
          FROM "PmOccurrence" o JOIN "MaintenancePlan" p ON p.id = o."planId" AND p."tenantId" = ${t} AND p.active
         WHERE o."tenantId" = ${t} AND o."dueAt" < ${until}::timestamp
           AND (o.status IN ('scheduled', 'due') OR (o.status = 'in_wo' AND o."dueAt" >= ${now.toISOString()}::timestamp))
         GROUP BY 1),
      done AS (
        SELECT o."planId", o."workOrderId" FROM "PmOccurrence" o
         WHERE o."tenantId" = ${t} AND o.status = 'done' AND o."workOrderId" IS NOT NULL
           AND o."planId" IN (SELECT "planId" FROM upcoming)),
      per_plan AS (SELECT "planId", count(*) AS orders FROM done GROUP BY 1),
      used AS (
        SELECT d."planId", pu."partId", sum(pu.quantity) AS quantity
          FROM done d JOIN "PartUsage" pu ON pu."workOrderId" = d."workOrderId" AND pu."tenantId" = ${t}
         GROUP BY 1, 2),
      need AS (
        SELECT u."partId", sum(u.quantity / pp.orders * up.n) AS needed, array_agg(DISTINCT mp.code ORDER BY mp.code) AS plans
          FROM used u JOIN per_plan pp ON pp."planId" = u."planId" JOIN upcoming up ON up."planId" = u."planId"
          JOIN "MaintenancePlan" mp ON mp.id = u."planId" AND mp."tenantId" = ${t}
         GROUP BY 1)
      SELECT pt.id AS "partId", pt.code, pt.name, pt.unit, round(n.needed::numeric, 2)::float8 AS needed,
             coalesce((SELECT sum(s.quantity) FROM "Stock" s WHERE s."tenantId" = ${t} AND s."partId" = pt.id), 0)::float8 AS "onHand",
             n.plans
        FROM need n JOIN "Part" pt ON pt.id = n."partId" AND pt."tenantId" = ${t}
       ORDER BY pt.code`,
  );
  const items: UpcomingPartNeed[] = rows.map((r) => ({ ...r, shortfall: Math.max(0, Math.round((r.needed - r.onHand) * 100) / 100) }));
  // Shortfalls first: that is what someone reading this list has to act on.
  items.sort((a, b) => Number(b.shortfall > 0) - Number(a.shortfall > 0) || b.needed - a.needed || a.code.localeCompare(b.code));
  return { days, items };
}
