import "server-only";
// Fixed-window rate limits, shared by every instance of a serverless deployment. Counters live in
// PostgreSQL by default (./postgres.ts: one statement per check, however many limits it holds) and in Redis
// when REDIS_URL is set (./redis.ts: one script call, falling back to PostgreSQL while Redis is away).
//
// A check holds its limits in order, narrowest first (e.g. this user, then this whole tenant), and counting
// stops at the first one exceeded: a caller refused by its own limit does not use up the shared one, so one
// runaway client cannot lock its colleagues out.

export interface Limit {
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateResult {
  ok: boolean;
  remaining: number;
  /** seconds until the window resets */
  retryAfter: number;
}

/** One counter to bump: its key, the window it falls in, and its limit (where counting stops). */
export interface Counter {
  key: string;
  windowStart: Date;
  windowEnd: Date;
  limit: number;
}

export interface CounterStore {
  readonly name: string;
  /**
   * Increments the counters in order and returns their new values; after the first value above its limit
   * the rest are left alone and come back null.
   */
  countInOrder(counters: Counter[]): Promise<(number | null)[]>;
}

function counter(l: Limit, now: number): Counter {
  const windowMs = l.windowSeconds * 1000;
  const start = Math.floor(now / windowMs) * windowMs;
  return { key: l.key, windowStart: new Date(start), windowEnd: new Date(start + windowMs), limit: l.limit };
}

const globalForRate = globalThis as unknown as { fettleCounterStore?: Promise<CounterStore> };

/** The deployment's store: Redis when REDIS_URL is set, else PostgreSQL (one per process). */
export function counterStore(): Promise<CounterStore> {
  globalForRate.fettleCounterStore ??= (async () => {
    const { postgresStore } = await import("./postgres");
    const url = process.env.REDIS_URL?.trim();
    if (!url) return postgresStore;
    const { redisStore } = await import("./redis");
    return redisStore(url, postgresStore);
  })();
  return globalForRate.fettleCounterStore;
}

/** Counts one call against each limit, in order; `store` is for tests that exercise one backend. */
export async function hitAll(limits: Limit[], store?: CounterStore): Promise<RateResult[]> {
  if (new Set(limits.map((l) => l.key)).size !== limits.length) throw new Error("rate limit keys must be distinct within one check");
  const now = Date.now();
  const counters = limits.map((l) => counter(l, now));
  const counts = await (store ?? (await counterStore())).countInOrder(counters);
  return counters.map((c, i) => {
    const count = counts[i];
    const retryAfter = Math.max(1, Math.ceil((c.windowEnd.getTime() - now) / 1000));
    // null: not counted because an earlier limit was already exceeded (the check is refused anyway).
    if (count === null) return { ok: true, remaining: c.limit, retryAfter };
    return { ok: count <= c.limit, remaining: Math.max(0, c.limit - count), retryAfter };
  });
}

export async function hit(key: string, limit: number, windowSeconds: number): Promise<RateResult> {
  const [result] = await hitAll([{ key, limit, windowSeconds }]);
  return result;
}
