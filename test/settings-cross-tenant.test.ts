// Tenant isolation of every Settings operation: an acme administrator handed globex ids (roles, groups,
// holidays, consumers, authorizations, members) gets "not found" and globex is left exactly as it was.
// Also the General and Security rules that touch the Tenant row, which has no RLS to fall back on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addHoliday, deleteHoliday, getCalendar, updateCalendar } from "@/lib/data/calendar";
import { authorizationFilterOptions, isOwnAuthorization, listAuthorizationPage, updateConsumer } from "@/lib/data/consumer-admin";
import { createConsumer, deleteConsumer, getConsumer, rotateConsumerSecret, setConsumerDisabled } from "@/lib/data/consumers";
import { revokeAuthorization } from "@/lib/data/oauth-grants";
import { createPermissionGroup, deletePermissionGroup, getPermissionGroup, listPermissionGroups, updatePermissionGroup } from "@/lib/data/permission-groups";
import { deleteRole, getRoleDetail, updateRole } from "@/lib/data/roles";
import { getTenantProfile, updateGeneral, updateSecurity } from "@/lib/data/settings";
import { getUsage } from "@/lib/data/usage";
import { db } from "@/lib/db/client";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy";
import { selfRegistrationSettingsSchema } from "@/lib/validation/oauth";
import { generalSchema } from "@/lib/validation/settings";
import { consumerFormSchema } from "@/lib/validation/settings-api";
import { permissionGroupSchema } from "@/lib/validation/settings-access";
import { ownerQuery } from "./owner-query";

const sql = ownerQuery;

const ADMIN = toPermissions(BUILT_IN_ROLES.administrator.permissions);
let acme: Access;
let globex: Access;
/** Other tenant's ids, made through the same functions by globex's own admin. */
let theirs: { role: string; group: string; holiday: string; consumer: string; authorization: string; userId: string };

/** A snapshot of everything of globex's these tests point at. */
const snapshot = () =>
  sql(
    `SELECT (SELECT row_to_json(r) FROM "Role" r WHERE id = $1) AS role,
            (SELECT row_to_json(g) FROM "PermissionGroup" g WHERE id = $2) AS "group",
            (SELECT row_to_json(h) FROM "Holiday" h WHERE id = $3) AS holiday,
            (SELECT row_to_json(c) FROM "OAuthConsumer" c WHERE id = $4) AS consumer,
            (SELECT row_to_json(a) FROM "Authorization" a WHERE id = $5) AS "authorization",
            (SELECT row_to_json(t) FROM "Tenant" t WHERE id = $6) AS tenant,
            (SELECT row_to_json(b) FROM "BusinessCalendar" b WHERE "tenantId" = $6) AS calendar`,
    [theirs.role, theirs.group, theirs.holiday, theirs.consumer, theirs.authorization, globex.tenantId],
  );

beforeAll(async () => {
  const rows = await sql<{ slug: string; id: string; userId: string }>(
    `SELECT t.slug, t.id, u.id AS "userId" FROM "Tenant" t JOIN "User" u ON u.email = 'admin@' || t.slug || '.test' WHERE t.slug IN ('acme', 'globex')`,
  );
  const of = (slug: string) => rows.find((r) => r.slug === slug)!;
  acme = { tenantId: of("acme").id, userId: of("acme").userId, consumerId: null, permissions: ADMIN };
  globex = { tenantId: of("globex").id, userId: of("globex").userId, consumerId: null, permissions: ADMIN };
  const [role] = await sql<{ id: string }>(`SELECT id FROM "Role" WHERE "tenantId" = $1 AND "builtIn" IS NULL LIMIT 1`, [globex.tenantId]);
  const customRole =
    role?.id ??
    (
      await sql<{ id: string }>(
        `INSERT INTO "Role" (id, "tenantId", name, permissions, "updatedAt") VALUES ('globex-custom-role', $1, 'Globex custom', '{"workorders":["view"]}', now()) RETURNING id`,
        [globex.tenantId],
      )
    )[0].id;
  const group = await createPermissionGroup(globex, permissionGroupSchema.parse({ name: "Globex group", permissions: { workorders: ["view"] } }));
  const holiday = await addHoliday(globex, { name: "Globex day", date: "2026-09-09", recurring: false });
  const { consumer } = await createConsumer(globex, { name: "Globex app", confidential: true, redirectUris: ["https://globex.example/cb"], permissionGroupId: group.id });
  const [tech] = await sql<{ userId: string }>(
    `SELECT m."userId" FROM "Membership" m JOIN "Role" r ON r.id = m."roleId" WHERE m."tenantId" = $1 AND r."builtIn" = 'technician' LIMIT 1`,
    [globex.tenantId],
  );
  const [authorization] = await sql<{ id: string }>(
    `INSERT INTO "Authorization" (id, "tenantId", "userId", "consumerId", scopes, "updatedAt") VALUES ('globex-authz', $1, $2, $3, '{workorders:read}', now()) RETURNING id`,
    [globex.tenantId, tech.userId, consumer.id],
  );
  theirs = { role: customRole, group: group.id, holiday: holiday.id, consumer: consumer.id, authorization: authorization.id, userId: tech.userId };
});

afterAll(async () => {
  await (await db()).$disconnect();
});

describe("an acme admin with globex ids", () => {
  it("reads nothing of globex", async () => {
    for (const read of [
      () => getRoleDetail(acme, theirs.role),
      () => getPermissionGroup(acme, theirs.group),
      () => getConsumer(acme, theirs.consumer),
    ]) {
      await expect(read()).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await listPermissionGroups(acme)).map((g) => g.id)).not.toContain(theirs.group);
    expect((await getCalendar(acme)).holidays.map((h) => h.id)).not.toContain(theirs.holiday);
    const page = await listAuthorizationPage(acme, { consumer: theirs.consumer });
    expect(page.items).toEqual([]);
    expect((await listAuthorizationPage(acme, { user: theirs.userId })).items).toEqual([]);
    const options = await authorizationFilterOptions(acme);
    expect(options.consumers.map((c) => c.id)).not.toContain(theirs.consumer);
    expect(await isOwnAuthorization(acme, theirs.authorization)).toBe(false);
  });

  it("changes nothing of globex, with every write", async () => {
    const before = await snapshot();
    const form = consumerFormSchema.parse({
      name: "Hijacked",
      authorizationCode: true,
      clientCredentials: false,
      confidential: true,
      redirectUris: ["https://evil.example/cb"],
      permissionGroupId: "dynamic",
    });
    const writes: [string, () => Promise<unknown>][] = [
      ["updateRole", () => updateRole(acme, theirs.role, { name: "Hijacked", permissions: {} })],
      ["deleteRole", () => deleteRole(acme, theirs.role)],
      ["updateGroup", () => updatePermissionGroup(acme, theirs.group, { name: "Hijacked", permissions: {} })],
      ["deleteGroup", () => deletePermissionGroup(acme, theirs.group)],
      ["deleteHoliday", () => deleteHoliday(acme, theirs.holiday)],
      ["updateConsumer", () => updateConsumer(acme, theirs.consumer, form)],
      ["rotate", () => rotateConsumerSecret(acme, theirs.consumer)],
      ["disable", () => setConsumerDisabled(acme, theirs.consumer, true)],
      ["deleteConsumer", () => deleteConsumer(acme, theirs.consumer)],
      ["revoke", () => revokeAuthorization(acme, theirs.authorization)],
      ["security with a globex group", () => updateSecurity(acme, { passwordMinLength: 12, sessionHours: 12, allowSelfRegisteredClients: true, selfRegisteredGroupId: theirs.group })],
    ];
    for (const [name, write] of writes) {
      await expect(write(), name).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await snapshot()).toEqual(before);
  });

  it("counts only acme's rows as usage", async () => {
    const usage = await getUsage(acme);
    const [counts] = await sql<{ wo: number; assets: number; members: number }>(
      `SELECT (SELECT count(*)::int FROM "WorkOrder" WHERE "tenantId" = $1) AS wo,
              (SELECT count(*)::int FROM "Asset" WHERE "tenantId" = $1) AS assets,
              (SELECT count(*)::int FROM "Membership" WHERE "tenantId" = $1) AS members`,
      [acme.tenantId],
    );
    expect(usage.workOrders.total).toBe(counts.wo);
    expect(usage.assets).toBe(counts.assets);
    expect(usage.members.total).toBe(counts.members);
    expect(usage.dataBytes).toBeGreaterThan(0);
    expect(usage.largestTables[0].bytes).toBeGreaterThanOrEqual(usage.largestTables.at(-1)!.bytes);
  });
});

describe("General and Security", () => {
  it("a slug another tenant holds is refused; the change is audited; reserved slugs never validate", async () => {
    const current = await getTenantProfile(acme);
    const input = generalSchema.parse({ ...current, workOrderPrefix: "MNT-", slug: "globex" });
    await expect(updateGeneral(acme, input)).rejects.toMatchObject({ code: "conflict", message: "slugTaken" });
    expect((await getTenantProfile(acme)).slug).toBe("acme");
    expect(generalSchema.safeParse({ ...input, slug: "api" }).success).toBe(false);
    expect(generalSchema.safeParse({ ...input, slug: "Has Spaces" }).success).toBe(false);
    expect(generalSchema.safeParse({ ...input, timezone: "Mars/Olympus" }).success).toBe(false);

    await updateGeneral(acme, generalSchema.parse({ ...current, name: "Acme Renamed", workOrderPrefix: "MNT-" }));
    const after = await getTenantProfile(acme);
    expect(after).toMatchObject({ name: "Acme Renamed", slug: "acme", settings: { workOrderPrefix: "MNT-", allowSelfRegisteredClients: true } });
    const [row] = await sql<{ before: unknown; after: unknown }>(
      `SELECT before, after FROM "AuditLog" WHERE "tenantId" = $1 AND action = 'settings.update' ORDER BY at DESC LIMIT 1`,
      [acme.tenantId],
    );
    expect(row).toEqual({ before: { name: current.name, workOrderPrefix: "WO-" }, after: { name: "Acme Renamed", workOrderPrefix: "MNT-" } });
  });

  it("Security writes the keys the authorization server reads, and keeps other settings", async () => {
    const group = await createPermissionGroup(acme, permissionGroupSchema.parse({ name: "Connectors 2", permissions: { assets: ["view"] } }));
    await updateSecurity(acme, { passwordMinLength: 14, sessionHours: 6, allowSelfRegisteredClients: false, selfRegisteredGroupId: group.id });
    const [{ settings }] = await sql<{ settings: Record<string, unknown> }>(`SELECT settings FROM "Tenant" WHERE id = $1`, [acme.tenantId]);
    expect(selfRegistrationSettingsSchema.parse(settings)).toMatchObject({ allowSelfRegisteredClients: false, selfRegisteredGroupId: group.id });
    expect(settings).toMatchObject({ passwordMinLength: 14, sessionHours: 6, workOrderPrefix: expect.any(String) });
    // The group behind self-registered clients cannot be deleted from under them.
    await expect(deletePermissionGroup(acme, group.id)).rejects.toMatchObject({ code: "conflict", message: "groupInUse" });
  });

  it("the calendar is saved per tenant and validated", async () => {
    await updateCalendar(acme, { workingDays: [1, 2, 3, 4, 5, 6], dayStart: "07:00", dayEnd: "15:30", crewSize: 8 });
    expect(await getCalendar(acme)).toMatchObject({ workingDays: [1, 2, 3, 4, 5, 6], dayStart: "07:00", dayEnd: "15:30", crewSize: 8 });
    expect((await getCalendar(globex)).workingDays).toEqual([1, 2, 3, 4, 5]);
  });
});
