// The LIMIT: the fastest honest answer to the benchmark's MCP call — bare node:http + pg, no framework, no
// ORM, no MCP SDK. It takes the same JSON-RPC `tools/call` body, checks the same bearer token (one indexed
// lookup by SHA-256, joined with the live state of consumer, user and membership), runs the same list query
// (tenant filter, status filter, newest first, 25 + 1 rows, the asset, location and assignee names, and the
// total) and answers with the same JSON-RPC result the MCP tool returns. What it skips on purpose is what
// Fettle pays for by design: row-level security (it connects as the database owner and filters by tenant
// itself), interactive transactions, the MCP protocol machinery and Next.js.
//   PORT=3201 DATABASE_URL=… tsx bench/limit-server.ts
import { createHash } from "node:crypto";
import http from "node:http";
import pg from "pg";

// timestamp(3) columns hold UTC without a zone: read them as UTC whatever the process time zone.
pg.types.setTypeParser(1114, (v) => new Date(`${v.replace(" ", "T")}Z`));

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_MAX ?? 5) });
const STATUSES = ["open", "in_progress", "on_hold", "in_review", "completed", "cancelled"];
const ACTIVE = new Set(["open", "in_progress", "on_hold", "in_review"]);
const TOKEN = /^fettle_at_[A-Za-z0-9_-]{43}$/;
/** RFC 8707: tokens are bound to Fettle's MCP endpoint; the limit checks the same audience. */
const RESOURCE = `${(process.env.APP_URL ?? "").replace(/\/+$/, "")}/api/mcp`;

const AUTH_SQL = `
  SELECT t."tenantId", t."userId", t."scopes", t."resource"
    FROM "AccessToken" t
    JOIN "OAuthConsumer" c ON c."id" = t."consumerId" AND NOT c."disabled"
    LEFT JOIN "Authorization" a ON a."id" = t."authorizationId"
    LEFT JOIN "User" u ON u."id" = t."userId"
    LEFT JOIN "Membership" m ON m."tenantId" = t."tenantId" AND m."userId" = t."userId"
   WHERE t."tokenHash" = $1 AND t."revokedAt" IS NULL AND t."expiresAt" > now()
     AND (t."authorizationId" IS NULL OR a."revokedAt" IS NULL)
     AND (t."userId" IS NULL OR (u."active" AND m."active"))`;

// The same shape as Prisma's query behind listWorkOrders (lib/data/work-orders/list.ts): the page, newest
// first, with its relations, and the count of every match, in one round trip.
const LIST_SQL = `
  SELECT w."id", w."code", w."title", w."type", w."priority", w."status", w."number", w."dueAt", w."completedAt",
         a."id" AS "assetId", a."code" AS "assetCode", a."name" AS "assetName",
         l."id" AS "locationId", l."code" AS "locationCode", l."name" AS "locationName",
         COALESCE((SELECT array_agg(u."name" ORDER BY wa."createdAt")
                     FROM "WorkOrderAssignee" wa JOIN "User" u ON u."id" = wa."userId"
                    WHERE wa."workOrderId" = w."id"), '{}') AS "assignees",
         (SELECT count(*)::int FROM "WorkOrder" c WHERE c."tenantId" = $1 AND c."status" = ANY($2::"WorkOrderStatus"[])) AS "total"
    FROM (SELECT * FROM "WorkOrder"
           WHERE "tenantId" = $1 AND "status" = ANY($2::"WorkOrderStatus"[])
           ORDER BY "number" DESC LIMIT $3) w
    LEFT JOIN "Asset" a ON a."id" = w."assetId" AND a."tenantId" = $1
    LEFT JOIN "Location" l ON l."id" = w."locationId" AND l."tenantId" = $1
   ORDER BY w."number" DESC`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const place = (id: string | null, code: string, name: string) => (id ? { id, code, name } : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function result(rows: Row[], limit: number, total: number) {
  const now = Date.now();
  const page = rows.slice(0, limit);
  const items = page.map((w) => ({
    id: w.id,
    code: w.code,
    title: w.title,
    type: w.type,
    priority: w.priority,
    status: w.status,
    dueAt: iso(w.dueAt),
    overdue: w.dueAt !== null && w.dueAt.getTime() < now && ACTIVE.has(w.status),
    completedAt: iso(w.completedAt),
    asset: place(w.assetId, w.assetCode, w.assetName),
    location: place(w.locationId, w.locationCode, w.locationName),
    assignees: w.assignees,
  }));
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? Buffer.from(JSON.stringify({ k: last.number, id: last.id })).toString("base64url") : null;
  const structured = { items, total, nextCursor };
  const summary = `${total} work order${total === 1 ? "" : "s"} match; ${items.length} on this page${nextCursor ? " (more with nextCursor)" : ""}.`;
  return { content: [{ type: "text", text: summary }, { type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  if (req.method === "GET" && req.url === "/health") return send(res, 200, { status: "ok" });
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1] ?? "";
  if (!TOKEN.test(bearer)) return send(res, 401, { error: "invalid_token" }, { "www-authenticate": 'Bearer error="invalid_token"' });
  const tokenHash = createHash("sha256").update(bearer).digest("hex");
  const { rows: auth } = await pool.query(AUTH_SQL, [tokenHash]);
  const caller = auth[0];
  if (!caller || caller.resource !== RESOURCE || !caller.scopes.includes("workorders:read")) {
    return send(res, 401, { error: "invalid_token" }, { "www-authenticate": 'Bearer error="invalid_token"' });
  }
  const rpc = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const args = rpc?.params?.arguments ?? {};
  const status = Array.isArray(args.status) ? args.status.filter((s: string) => STATUSES.includes(s)) : STATUSES;
  const limit = Math.min(Math.max(Math.trunc(Number(args.limit ?? 25)) || 25, 1), 100);
  const { rows } = await pool.query(LIST_SQL, [caller.tenantId, status, limit + 1]);
  // First page, no cursor: no rows means no match at all.
  const total = rows[0]?.total ?? 0;
  send(res, 200, { jsonrpc: "2.0", id: rpc?.id ?? null, result: result(rows, limit, total) });
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((e: unknown) => {
    console.error(JSON.stringify({ level: "error", msg: "limit server request failed", error: String(e) }));
    if (!res.headersSent) send(res, 500, { error: "internal" });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 3201), "127.0.0.1", () => console.log(`limit server on ${process.env.PORT ?? 3201}`));

const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
