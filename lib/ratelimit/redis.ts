import "server-only";
// Rate-limit counters in Redis (REDIS_URL): one Lua script call per check — INCR each window key in order,
// set its expiry on first use, stop after the first count above its limit — so a check is one round trip
// and atomic. Keys: fettle:rl:<key>:<window start ms>, expiring at the end of their window.
//
// While Redis is unreachable the check falls back to the PostgreSQL counters rather than failing open (a
// flood would then meet no limit exactly when the system is already degraded) or failing closed (an
// optional accelerator going away must not take the MCP endpoint down with it). During a switch-over a
// client may get up to twice its limit in one window: the two stores count separately. Commands fail fast
// instead of queueing while the connection is down (no offline queue, short command timeout), and ioredis
// reconnects in the background. A single Redis, not a cluster: the keys of one check share no hash slot.
import Redis from "ioredis";
import { log } from "@/lib/log";
import type { Counter, CounterStore } from "./index";

const SCRIPT = `
local out = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIREAT', key, ARGV[2 * i - 1]) end
  out[i] = n
  if n > tonumber(ARGV[2 * i]) then break end
end
return out`;

type Scripted = Redis & { fettleCount(numKeys: number, ...args: (string | number)[]): Promise<number[]> };

export interface RedisStoreOptions {
  /** key prefix (tests use their own) */
  prefix?: string;
  /** how long the first connection may take before checks start on the fallback */
  readyTimeoutMs?: number;
  commandTimeoutMs?: number;
  /** CLIENT SETNAME, so operators (and tests) can find this connection in CLIENT LIST */
  connectionName?: string;
}

export interface ClosableStore extends CounterStore {
  close(): Promise<void>;
}

/** The Redis store, connected (or given up on after `readyTimeoutMs`, still reconnecting in the background). */
export async function redisStore(url: string, fallback: CounterStore, opts: RedisStoreOptions = {}): Promise<ClosableStore> {
  const prefix = opts.prefix ?? "fettle:rl:";
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: opts.commandTimeoutMs ?? 250,
    connectTimeout: 1_000,
    retryStrategy: (times) => Math.min(times * 250, 2_000),
    connectionName: opts.connectionName ?? "fettle-ratelimit",
  }) as Scripted;
  client.defineCommand("fettleCount", { lua: SCRIPT });

  // One log line per change of state, never the URL (it may carry a password).
  let up = false;
  let lastWarn = 0;
  client.on("ready", () => {
    up = true;
    log.info("rate-limit store: redis ready");
  });
  client.on("error", (e: Error & { code?: string }) => {
    if (!up) return;
    up = false;
    log.warn("rate-limit store: redis unavailable, counting in postgres", { error: e.name, code: e.code ?? null });
  });
  let closing = false;
  client.on("close", () => {
    if (up && !closing) log.warn("rate-limit store: redis connection closed, counting in postgres");
    up = false;
  });

  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      client.off("ready", done);
      resolve();
    };
    const timer = setTimeout(done, opts.readyTimeoutMs ?? 2_000);
    client.once("ready", done);
  });

  return {
    name: "redis",
    async countInOrder(counters: Counter[]) {
      if (counters.length === 0) return [];
      if (client.status !== "ready") return fallback.countInOrder(counters);
      const keys = counters.map((c) => `${prefix}${c.key}:${c.windowStart.getTime()}`);
      const args = counters.flatMap((c) => [c.windowEnd.getTime(), c.limit]);
      try {
        const counts = await client.fettleCount(keys.length, ...keys, ...args);
        return counters.map((_, i) => (counts[i] === undefined ? null : Number(counts[i])));
      } catch (e) {
        // A hung or overloaded Redis: at most one line every 10 s, however many calls fall back.
        if (Date.now() - lastWarn > 10_000) {
          lastWarn = Date.now();
          log.warn("rate-limit store: redis command failed, counting in postgres", { error: (e as Error).name });
        }
        return fallback.countInOrder(counters);
      }
    },
    async close() {
      closing = true;
      client.disconnect();
    },
  };
}
