import "server-only";
// Request-scoped transactions that tell PostgreSQL whose rows the code may touch. set_config(…, true) is
// transaction-local, so a pooled connection never carries one request's tenant into the next.
import type { Prisma } from "@/lib/generated/prisma/client";
import { APP_ROLE, db } from "./client";

export type Tx = Prisma.TransactionClient;

interface Scope {
  tenantId?: string | null;
  userId?: string | null;
  /** a secret's hash (token, code) or a client id, for lookups made before the tenant is known */
  lookup?: string | null;
}

// Prisma's defaults (wait 2 s for a connection, 5 s per transaction) turn a burst on a small serverless
// pool into errors; waiting a little longer is the better failure mode for a user.
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

async function scoped<T>(scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db();
  return client.$transaction(async (tx) => {
    // The role again, per transaction: a transaction pooler (PgBouncer, Supavisor) may drop the
    // connection's start-up role, and the login role could be one that bypasses RLS. Same round trip.
    await tx.$queryRaw`SELECT set_config('role', ${APP_ROLE}, true),
                              set_config('app.tenant_id', ${scope.tenantId ?? ""}, true),
                              set_config('app.user_id', ${scope.userId ?? ""}, true),
                              set_config('app.lookup', ${scope.lookup ?? ""}, true)`;
    return fn(tx);
  }, TX_OPTIONS);
}

/** Runs `fn` with the tenant's rows visible and writable, and no other tenant's. */
export function withTenant<T>(tenantId: string, userId: string | null, fn: (tx: Tx) => Promise<T>) {
  return scoped({ tenantId, userId }, fn);
}

/** No tenant: only global tables and the user's own memberships are visible. */
export function withUser<T>(userId: string | null, fn: (tx: Tx) => Promise<T>) {
  return scoped({ userId }, fn);
}

/** No tenant: only rows whose secret hash or client id equals `lookup` are visible (OAuth). */
export function withLookup<T>(lookup: string, fn: (tx: Tx) => Promise<T>) {
  return scoped({ lookup }, fn);
}
