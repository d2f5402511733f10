// The rate-limit counters on both backends, against the real stores: PostgreSQL (this file's database, or
// PGlite) and the machine's Redis (127.0.0.1:6379 or REDIS_TEST_URL; CI runs one, so the Redis half runs
// there; it is skipped only where no Redis answers). Plus what happens when Redis goes away.
import net from "node:net";
import { randomBytes } from "node:crypto";
import Redis from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { counterStore, hitAll, type CounterStore, type Limit } from "./index";
import { postgresStore } from "./postgres";
import { redisStore, type ClosableStore } from "./redis";

const REDIS_URL = process.env.REDIS_TEST_URL || "redis://127.0.0.1:6379";

async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}
const redisUp = await reachable(REDIS_URL);
// Keys of their own, so parallel runs on one Redis never meet.
const prefix = `fettle-test:${randomBytes(4).toString("hex")}:`;
const key = (name: string) => `${name}:${randomBytes(4).toString("hex")}`;
const opened: ClosableStore[] = [];
// Hour-long windows wherever a test must not see its window end mid-way (a minute would, now and then).
const HOUR = 3600;

afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  await (await db()).$disconnect();
});

const stores: [string, () => Promise<CounterStore>][] = [
  ["postgres", async () => postgresStore],
  ...(redisUp ? ([["redis", async () => {
    const store = await redisStore(REDIS_URL, postgresStore, { prefix });
    opened.push(store);
    return store;
  }]] as [string, () => Promise<CounterStore>][]) : []),
];
if (!redisUp) it.skip(`redis store (no Redis at ${REDIS_URL})`, () => {});

describe.each(stores)("%s store", (_name, open) => {
  it("counts up to the limit, then refuses with the seconds left in the window", async () => {
    const store = await open();
    const limit: Limit = { key: key("basic"), limit: 3, windowSeconds: HOUR };
    const results = [];
    for (let i = 0; i < 5; i++) results.push((await hitAll([limit], store))[0]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    for (const r of results) expect(r.retryAfter).toBeGreaterThanOrEqual(1), expect(r.retryAfter).toBeLessThanOrEqual(HOUR);
  });

  it("is atomic: 40 concurrent calls against a limit of 15 let exactly 15 through", async () => {
    const store = await open();
    const limit: Limit = { key: key("race"), limit: 15, windowSeconds: HOUR };
    const results = await Promise.all(Array.from({ length: 40 }, () => hitAll([limit], store)));
    expect(results.filter(([r]) => r.ok)).toHaveLength(15);
  });

  it("starts a new window when the old one ends", async () => {
    const store = await open();
    const limit: Limit = { key: key("window"), limit: 1, windowSeconds: 1 };
    // Start right after a window boundary so both calls fall in the same window.
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));
    expect((await hitAll([limit], store))[0].ok).toBe(true);
    expect((await hitAll([limit], store))[0].ok).toBe(false);
    await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 20));
    expect((await hitAll([limit], store))[0].ok).toBe(true);
  });

  it("counts a chain in order and stops at the first limit exceeded", async () => {
    const store = await open();
    const tenant: Limit = { key: key("tenant"), limit: 100, windowSeconds: HOUR };
    const alice: Limit = { key: key("alice"), limit: 2, windowSeconds: HOUR };
    const bob: Limit = { key: key("bob"), limit: 2, windowSeconds: HOUR };
    for (let i = 0; i < 6; i++) await hitAll([alice, tenant], store);
    // Alice was refused 4 times; only her 2 allowed calls reached the tenant's counter.
    const [bobResult, tenantResult] = await hitAll([bob, tenant], store);
    expect(bobResult).toMatchObject({ ok: true, remaining: 1 });
    expect(tenantResult).toMatchObject({ ok: true, remaining: 100 - 3 });
  });
});

it("refuses the same key twice in one check (one statement cannot bump a row twice)", async () => {
  const k = key("dup");
  await expect(hitAll([{ key: k, limit: 1, windowSeconds: HOUR }, { key: k, limit: 1, windowSeconds: HOUR }], postgresStore)).rejects.toThrow(/distinct/);
});

describe("Redis away", () => {
  it("falls back to the PostgreSQL counters at once, without waiting on the dead connection", async () => {
    const started = Date.now();
    const store = await redisStore("redis://127.0.0.1:1", postgresStore, { prefix, readyTimeoutMs: 300 });
    opened.push(store);
    const limit: Limit = { key: key("fallback"), limit: 2, windowSeconds: HOUR };
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await hitAll([limit], store))[0].ok);
    expect(results).toEqual([true, true, false]);
    expect(Date.now() - started).toBeLessThan(3_000);
    // The limit was enforced by the PostgreSQL row.
    const [row] = await (await db()).$queryRaw<{ count: number }[]>`SELECT "count" FROM "RateLimit" WHERE "key" = ${limit.key}`;
    expect(row.count).toBe(3);
  });

  it.skipIf(!redisUp)("a dropped connection: PostgreSQL while it reconnects, then Redis again", async () => {
    const name = `fettle-test-${randomBytes(4).toString("hex")}`;
    const store = await redisStore(REDIS_URL, postgresStore, { prefix, connectionName: name });
    opened.push(store);
    const pgCount = async (k: string) =>
      (await (await db()).$queryRaw<{ count: number }[]>`SELECT "count" FROM "RateLimit" WHERE "key" = ${k}`)[0]?.count ?? 0;
    const before: Limit = { key: key("before"), limit: 5, windowSeconds: HOUR };
    await hitAll([before], store);
    expect(await pgCount(before.key)).toBe(0);

    // Kill only this store's connection (other users of the machine's Redis are left alone).
    const admin = new Redis(REDIS_URL);
    const list = (await admin.call("CLIENT", "LIST")) as string;
    const id = list.split("\n").find((line) => line.includes(` name=${name} `))?.match(/\bid=(\d+)/)?.[1];
    expect(id).toBeDefined();
    await admin.call("CLIENT", "KILL", "ID", id!);
    const during: Limit = { key: key("during"), limit: 5, windowSeconds: HOUR };
    await new Promise((r) => setTimeout(r, 20));
    await hitAll([during], store);
    expect(await pgCount(during.key)).toBe(1);

    // ioredis reconnects in the background; counting moves back to Redis.
    const after: Limit = { key: key("after"), limit: 5, windowSeconds: HOUR };
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && !(await admin.exists(`${prefix}${after.key}:${Math.floor(Date.now() / 3_600_000) * 3_600_000}`))) {
      await hitAll([after], store);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await admin.exists(`${prefix}${after.key}:${Math.floor(Date.now() / 3_600_000) * 3_600_000}`)).toBe(1);
    await admin.quit();
  });
});

it.skipIf(!redisUp)("REDIS_URL selects the Redis store; without it the PostgreSQL one", async () => {
  const global = globalThis as { fettleCounterStore?: Promise<CounterStore> };
  const saved = { url: process.env.REDIS_URL, store: global.fettleCounterStore };
  try {
    delete process.env.REDIS_URL;
    global.fettleCounterStore = undefined;
    expect((await counterStore()).name).toBe("postgres");
    process.env.REDIS_URL = REDIS_URL;
    global.fettleCounterStore = undefined;
    const store = (await counterStore()) as ClosableStore;
    opened.push(store);
    expect(store.name).toBe("redis");
  } finally {
    if (saved.url === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = saved.url;
    global.fettleCounterStore = saved.store;
  }
});
