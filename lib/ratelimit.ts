import "server-only";
// Fixed-window rate limits with counters in PostgreSQL (one upsert per hit), so every instance of a
// serverless deployment shares them without extra infrastructure. RateLimit is a global table (keys carry
// their scope, no RLS), so the upsert runs on its own, outside a tenant transaction: one round trip.
import { db } from "@/lib/db/client";

export interface RateResult {
  ok: boolean;
  remaining: number;
  /** seconds until the window resets */
  retryAfter: number;
}

export async function hit(key: string, limit: number, windowSeconds: number): Promise<RateResult> {
  const now = Date.now();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const rows = await (await db()).$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" = EXCLUDED."windowStart" THEN "RateLimit"."count" + 1 ELSE 1 END,
      "windowStart" = EXCLUDED."windowStart"
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
  return { ok: count <= limit, remaining: Math.max(0, limit - count), retryAfter };
}
