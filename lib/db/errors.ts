// The one place that decides "the database is unreachable or out of connections right now" — an outage to
// wait out, answered 503 + Retry-After by every door — as opposed to a bug or bad input (500 / 4xx).
// Shapes seen with Prisma 7 + @prisma/adapter-pg 7 + pg 8 (test/db-errors.test.ts reproduces them):
//   - connect refused / host gone: PrismaClientKnownRequestError P1001 (driver kind DatabaseNotReachable);
//   - backend killed (pg_terminate_backend, server restart): P2010 / P2039 wrapping SQLSTATE 57P01;
//   - database not accepting connections (ALTER DATABASE … ALLOW_CONNECTIONS false): SQLSTATE 55000;
//   - pool exhausted: pg-pool's plain Error "timeout exceeded when trying to connect", or Prisma P2024/P2028;
//   - a socket dying under a client: "Connection terminated unexpectedly", ECONNRESET, …
// Anything else (constraint violations, syntax errors, our own AppErrors) is not an outage.

/** How long clients are told to wait before retrying (RFC 9110 §10.2.3); short: outages here are blips. */
export const RETRY_AFTER_SECONDS = 2;

// P1001 can't reach server, P1002 timed out, P1008 operation timed out, P1017 server closed the connection,
// P2024 no pool connection in time, P2028 transaction API error (could not start in time / already closed).
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// @prisma/adapter-pg's classification of socket-level failures.
const DRIVER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// SQLSTATE: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; class 08 is below.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ECONNABORTED"]);
// pg and pg-pool throw plain Errors for these, with no code.
const MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /is not currently accepting connections/,
  /the database system is (starting up|shutting down|in recovery mode)/,
];

type Loose = {
  code?: unknown;
  errorCode?: unknown;
  message?: unknown;
  name?: unknown;
  meta?: unknown;
  cause?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  originalMessage?: unknown;
};

const isSqlState = (code: unknown) => typeof code === "string" && (SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code));

/** The adapter's error description: `meta.driverAdapterError.cause` on Prisma errors, `cause` on its own. */
function driverCause(e: Loose): Loose | undefined {
  const wrapped = (e.meta as { driverAdapterError?: { cause?: Loose } } | undefined)?.driverAdapterError?.cause;
  if (wrapped) return wrapped;
  return e.name === "DriverAdapterError" && typeof e.cause === "object" ? (e.cause as Loose) : undefined;
}

function matchesOne(e: Loose): boolean {
  for (const code of [e.code, e.errorCode]) if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || isSqlState(code))) return true;
  const driver = driverCause(e);
  if (driver) {
    if (typeof driver.kind === "string" && DRIVER_KINDS.has(driver.kind)) return true;
    if (isSqlState(driver.originalCode) || isSqlState(driver.code)) return true;
    if (typeof driver.message === "string" && MESSAGES.some((m) => m.test(driver.message as string))) return true;
  }
  return typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string));
}

/** True when `e` (or an error it wraps) means the database cannot be reached or has no connection to give. */
export function isDatabaseUnavailable(e: unknown): boolean {
  let current: unknown = e;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    if (matchesOne(current as Loose)) return true;
    current = (current as Loose).cause;
  }
  return false;
}

/**
 * A short description for logs: error class, the most telling code, and the driver's message (these carry
 * a database name at most, never the connection string or a password).
 */
export function unavailableFields(e: unknown): Record<string, unknown> {
  const err = e as Loose;
  const driver = typeof e === "object" && e !== null ? driverCause(err) : undefined;
  const message = driver?.originalMessage ?? driver?.message ?? err?.message;
  return {
    error: typeof err?.name === "string" ? err.name : typeof e,
    // The driver's SQLSTATE or kind says more than Prisma's wrapper code (P2010 "raw query failed").
    reason: driver?.originalCode ?? driver?.kind ?? err?.code ?? err?.errorCode ?? null,
    detail: typeof message === "string" ? message.trim().split("\n").at(-1)!.slice(0, 160) : null,
  };
}
