// Settings → Transactions log: the CSV writer's escaping and formula-injection defence, the query's filters,
// keyset pages, time-zone day boundaries and tenant isolation, against the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLogBatches, auditLogFacets, listAuditLog, recordAuditExport, startOfDay, type AuditRow } from "@/lib/data/audit-log";
import { AUDIT_CSV_HEADER, auditCsvLine, csvCell, csvLine } from "@/lib/data/audit-log-csv";
import { db } from "@/lib/db/client";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy";
import { auditFilterSchema } from "@/lib/validation/settings-api";
import { ownerQuery } from "./owner-query";

const sql = ownerQuery;

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF) — to read back what the writer produced. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks, and leaves plain text alone", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell({ a: 1, b: "x,y" })).toBe('"{""a"":1,""b"":""x,y""}"');
    expect(csvCell("María López")).toBe("María López");
  });

  it("defuses anything a spreadsheet would run as a formula", () => {
    for (const attack of ["=HYPERLINK(\"http://evil\",\"x\")", "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]) {
      const cell = csvCell(attack);
      const [[value]] = parseCsv(`${cell}\r\n`);
      expect(value, attack).toBe(`'${attack}`);
    }
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("a whole line round-trips through a CSV parser", () => {
    const row = {
      id: "x",
      at: new Date("2026-03-01T10:00:00Z"),
      actorType: "user",
      action: "workorder.create",
      entity: "WorkOrder",
      entityId: "wo-1",
      before: null,
      after: { title: '=cmd|" /C calc"!A0', note: "line1\nline2" },
      ip: "10.0.0.1",
      user: { id: "u", name: 'O"Connor, James', email: "j@x.test" },
      consumer: null,
    } as unknown as AuditRow;
    const [header, line] = parseCsv(csvLine(AUDIT_CSV_HEADER) + auditCsvLine(row));
    expect(header).toEqual(AUDIT_CSV_HEADER);
    expect(line).toEqual([
      "2026-03-01T10:00:00.000Z",
      "user",
      "j@x.test",
      'O"Connor, James',
      "",
      "workorder.create",
      "WorkOrder",
      "wo-1",
      "",
      JSON.stringify(row.after),
      "10.0.0.1",
    ]);
  });
});

describe("day boundaries in the tenant's time zone", () => {
  it("starts days at local midnight, across daylight-saving changes", () => {
    expect(startOfDay("2026-01-15", "UTC").toISOString()).toBe("2026-01-15T00:00:00.000Z");
    expect(startOfDay("2026-01-15", "America/Chicago").toISOString()).toBe("2026-01-15T06:00:00.000Z");
    expect(startOfDay("2026-07-15", "America/Chicago").toISOString()).toBe("2026-07-15T05:00:00.000Z");
    // US DST starts 2026-03-08 at 02:00: midnight is still CST, the next midnight CDT.
    expect(startOfDay("2026-03-08", "America/Chicago").toISOString()).toBe("2026-03-08T06:00:00.000Z");
    expect(startOfDay("2026-03-08", "America/Chicago", 1).toISOString()).toBe("2026-03-09T05:00:00.000Z");
    expect(startOfDay("2026-06-01", "Europe/Madrid").toISOString()).toBe("2026-05-31T22:00:00.000Z");
    expect(startOfDay("2026-12-31", "Asia/Kolkata", 1).toISOString()).toBe("2026-12-31T18:30:00.000Z");
  });
});

describe("the log query", () => {
  let acme: Access;
  let globex: { id: string; userId: string; auditIds: string[] };
  const TZ = "America/Chicago";

  beforeAll(async () => {
    const [t] = await sql<{ id: string; userId: string }>(
      `SELECT t.id, u.id AS "userId" FROM "Tenant" t JOIN "User" u ON u.email = 'admin@acme.test' WHERE t.slug = 'acme'`,
    );
    acme = { tenantId: t.id, userId: t.userId, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions) };
    const [g] = await sql<{ id: string; userId: string }>(
      `SELECT t.id, u.id AS "userId" FROM "Tenant" t JOIN "User" u ON u.email = 'admin@globex.test' WHERE t.slug = 'globex'`,
    );
    // 130 rows a minute apart on 2026-02-10 Chicago time, alternating two actions, plus a row just outside the day.
    for (let i = 0; i < 130; i++) {
      const at = new Date(Date.UTC(2026, 1, 10, 6, i));
      await sql(
        `INSERT INTO "AuditLog" (id, "tenantId", "actorType", "userId", action, entity, "entityId", at) VALUES ($1, $2, 'user', $3, $4, 'Thing', $5, $6)`,
        [`log-test-${String(i).padStart(3, "0")}`, t.id, t.userId, i % 2 ? "thing.odd" : "thing.even", `thing-${i}`, at],
      );
    }
    await sql(`INSERT INTO "AuditLog" (id, "tenantId", "actorType", action, entity, at) VALUES ('log-test-late', $1, 'system', 'thing.even', 'Thing', $2)`, [
      t.id,
      new Date(Date.UTC(2026, 1, 11, 6, 0)),
    ]);
    await sql(`INSERT INTO "AuditLog" (id, "tenantId", "actorType", "userId", action, entity, at) VALUES ('log-test-globex', $1, 'user', $2, 'thing.even', 'Thing', $3)`, [
      g.id,
      g.userId,
      new Date(Date.UTC(2026, 1, 10, 12, 0)),
    ]);
    globex = { id: g.id, userId: g.userId, auditIds: ["log-test-globex"] };
  });

  afterAll(async () => {
    await (await db()).$disconnect();
  });

  const filter = (f: Record<string, string>) => auditFilterSchema.parse(f);

  it("filters by module, action, user and a day in the tenant's zone, newest first, in keyset pages", async () => {
    const f = filter({ entity: "Thing", action: "thing.even", user: acme.userId!, from: "2026-02-10", to: "2026-02-10" });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditLog(acme, { ...f, cursor }, TZ, 25);
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBe(65);
    expect(new Set(seen).size).toBe(65);
    expect(seen[0]).toBe("log-test-128");
    expect(seen.at(-1)).toBe("log-test-000");
    expect(seen).not.toContain("log-test-late");
  });

  it("never returns another tenant's rows, even when filtered by its user", async () => {
    const byGlobexUser = await listAuditLog(acme, filter({ user: globex.userId }), TZ, 100);
    expect(byGlobexUser.items).toEqual([]);
    const all = [];
    for await (const batch of auditLogBatches(acme, filter({ entity: "Thing" }), TZ, 40)) all.push(...batch);
    expect(all.length).toBe(131);
    expect(all.some((r) => globex.auditIds.includes(r.id))).toBe(false);
    const facets = await auditLogFacets(acme);
    expect(facets.entities).toContain("Thing");
    expect(facets.actions).toEqual(expect.arrayContaining(["thing.even", "thing.odd"]));
  });

  it("a malformed cursor is an invalid request, and reading needs settings rights", async () => {
    await expect(listAuditLog(acme, { cursor: "not-a-cursor" }, TZ)).rejects.toMatchObject({ code: "invalid" });
    const tech = { ...acme, permissions: toPermissions(BUILT_IN_ROLES.technician.permissions) };
    await expect(listAuditLog(tech, {}, TZ)).rejects.toMatchObject({ code: "forbidden" });
    await expect(auditLogFacets(tech)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an export is itself logged, with the filters it used", async () => {
    await recordAuditExport(acme, filter({ action: "thing.odd", cursor: "ignored" }), "10.1.2.3");
    const [row] = await sql<{ after: unknown; ip: string; userId: string }>(
      `SELECT after, ip, "userId" FROM "AuditLog" WHERE "tenantId" = $1 AND action = 'settings.log.export'`,
      [acme.tenantId],
    );
    expect(row).toEqual({ after: { action: "thing.odd" }, ip: "10.1.2.3", userId: acme.userId });
  });
});
