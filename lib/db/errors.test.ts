// isDatabaseUnavailable against the errors the real stack throws: each outage below is produced for real on
// this test file's own PostgreSQL database (refused port, killed backends, a database closed to connections,
// an exhausted pool), and ordinary failures (constraint, syntax, our own errors) must not count as outages.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { isDatabaseUnavailable, unavailableFields } from "./errors";

const url = process.env.DATABASE_URL;
const onPostgres = !!url;
const dbName = url ? new URL(url).pathname.slice(1) : "";
const serverUrl = (name: string) => {
  const u = new URL(url!);
  u.pathname = `/${name}`;
  return u.toString();
};

/** Runs `fn`, which must fail, and returns what it threw. */
async function thrown(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error("expected a failure");
}

const prisma = (connectionString: string, max = 2) =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString, max, connectionTimeoutMillis: 1_000 }) });

describe.skipIf(!onPostgres)("database outages are classified as unavailable", () => {
  let admin: pg.Client;
  let app: PrismaClient;
  const killBackends = () => admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName]);

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: serverUrl("postgres") });
    await admin.connect();
    app = prisma(url!);
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
    await admin.end();
    await app.$disconnect();
  });

  it("a refused connection (P1001 / DatabaseNotReachable)", async () => {
    const nowhere = prisma("postgresql://postgres@127.0.0.1:1/none");
    for (const e of [await thrown(() => nowhere.$queryRaw`SELECT 1`), await thrown(() => nowhere.$transaction((tx) => tx.$queryRaw`SELECT 1`))]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(true);
      expect(unavailableFields(e)).toMatchObject({ reason: "DatabaseNotReachable" });
    }
    await nowhere.$disconnect();
  });

  it("a backend killed mid-query, in and out of a transaction (57P01), and the pool heals", async () => {
    const inTx = thrown(() => app.$transaction((tx) => tx.$queryRaw`SELECT 1 AS slept FROM pg_sleep(5)`));
    const bare = thrown(() => app.$queryRaw`SELECT 1 AS slept FROM pg_sleep(5)`);
    await new Promise((r) => setTimeout(r, 300));
    await killBackends();
    for (const e of [await inTx, await bare]) {
      expect(isDatabaseUnavailable(e), String(e)).toBe(true);
      expect(unavailableFields(e)).toMatchObject({ reason: "57P01" });
    }
    // Dead connections were dropped from the pool: the next queries get fresh ones.
    expect(await app.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect(await app.$transaction((tx) => tx.$queryRaw`SELECT 2 AS two`)).toEqual([{ two: 2 }]);
  });

  it("a database closed to new connections (55000), then open again", async () => {
    await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
    await killBackends();
    const e = await thrown(() => app.$transaction((tx) => tx.$queryRaw`SELECT 1`));
    expect(isDatabaseUnavailable(e), String(e)).toBe(true);
    await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
    expect(await app.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it("an exhausted pool (pg-pool connect timeout)", async () => {
    const one = prisma(url!, 1);
    const holding = one.$transaction((tx) => tx.$queryRaw`SELECT 1 AS slept FROM pg_sleep(2)`, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 200));
    const e = await thrown(() => one.$transaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 5_000 }));
    expect(isDatabaseUnavailable(e), String(e)).toBe(true);
    await holding;
    await one.$disconnect();
  });

  it("node-postgres' own errors: a killed client's socket", async () => {
    const client = new pg.Client({ connectionString: url });
    client.on("error", () => {});
    await client.connect();
    const sleeping = thrown(() => client.query("SELECT pg_sleep(5)"));
    await new Promise((r) => setTimeout(r, 200));
    // This client's backend only: killing the pool's idle connections too would race the next test's
    // query (the pool learns of a dead idle connection only when its socket event is processed).
    await admin.query(`SELECT pg_terminate_backend($1)`, [(client as unknown as { processID: number }).processID]);
    expect(isDatabaseUnavailable(await sleeping)).toBe(true);
    expect(isDatabaseUnavailable(await thrown(() => client.query("SELECT 1")))).toBe(true);
    await client.end().catch(() => {});
  });

  it("but not a constraint violation or a syntax error", async () => {
    const unique = await thrown(() => app.$executeRawUnsafe(`INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES ('dup', now(), 1), ('dup', now(), 1)`));
    const syntax = await thrown(() => app.$queryRawUnsafe(`SELEC 1`));
    const missing = await thrown(() => app.$queryRawUnsafe(`SELECT * FROM "NoSuchTable"`));
    for (const e of [unique, syntax, missing]) expect(isDatabaseUnavailable(e), String(e)).toBe(false);
  });
});

it("ordinary errors are not outages", () => {
  const zodError = z.object({ a: z.string() }).safeParse({}).error;
  for (const e of [new Error("boom"), new AppError("conflict", "Already done"), zodError, "text", null, undefined, 42]) {
    expect(isDatabaseUnavailable(e)).toBe(false);
  }
  // ...while a wrapped outage is found through `cause`.
  expect(isDatabaseUnavailable(new Error("request failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }))).toBe(true);
});
