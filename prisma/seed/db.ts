// Bulk writing for the seed. Rows go to PostgreSQL as one JSON array per statement:
//   INSERT INTO "T" (cols) SELECT cols FROM json_populate_recordset(NULL::"T", $1::json)
// One parameter per statement (no 65,535-parameter limit), and the table's own row type converts every
// value (enums, timestamp(3), numeric, int[], jsonb), so the same code runs on node-postgres and PGlite.
// Statements are queued without waiting, so generating the next chunk overlaps the database's work.
import type { Sql } from "../../lib/db/sql";

export type Row = Record<string, unknown>;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Prisma's DateTime columns are timestamp(3) holding UTC; the "Z" is dropped by the cast. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A `@db.Date` value: YYYY-MM-DD of the UTC day. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Two decimals, as a numeric string for Decimal columns. */
export function money(value: number): string {
  return value.toFixed(2);
}

function columnsOf(rows: Row[]): string[] {
  const seen = new Set<string>(Object.keys(rows[0]));
  for (const row of rows) for (const key in row) seen.add(key);
  return [...seen];
}

export class Writer {
  /** Rows inserted per table. */
  readonly counts: Record<string, number> = {};
  private pending: Promise<void>[] = [];
  private failure: unknown = null;

  constructor(
    private readonly sql: Sql,
    private readonly chunk = 5000,
  ) {}

  /** Queues the insert of `rows` (split into chunks); call drain() to wait and surface errors. */
  insert(table: string, rows: Row[]): void {
    for (let i = 0; i < rows.length; i += this.chunk) this.send(table, rows.slice(i, i + this.chunk));
  }

  /** Queues a statement to run in order with the inserts. */
  run(text: string, params?: unknown[]): void {
    this.track(() => this.sql.query(text, params));
  }

  /** Waits until at most `max` statements are still queued (bounds memory while streaming). */
  async throttle(max: number): Promise<void> {
    while (this.pending.length > max) await this.pending.shift();
    if (this.failure) throw this.failure;
  }

  async drain(): Promise<void> {
    await this.throttle(0);
  }

  private send(table: string, rows: Row[]): void {
    if (rows.length === 0) return;
    const list = columnsOf(rows)
      .map((c) => `"${c}"`)
      .join(", ");
    const text = `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
    this.counts[table] = (this.counts[table] ?? 0) + rows.length;
    const json = JSON.stringify(rows);
    this.track(() => this.sql.query(text, [json]));
  }

  /**
   * Chains the statement after the previous one: one statement in flight at a time (node-postgres
   * deprecates queueing on a busy client), while the caller goes on generating rows.
   */
  private track(statement: () => Promise<unknown>): void {
    const previous = this.pending[this.pending.length - 1] ?? Promise.resolve();
    this.pending.push(
      previous
        // After the first error PostgreSQL rejects the rest of the transaction anyway: skip it.
        .then(() => (this.failure ? undefined : statement()))
        .then(
          () => undefined,
          (e: unknown) => {
            this.failure ??= e;
          },
        ),
    );
  }
}

/**
 * Buffers rows per table and writes them in dependency order, so a child chunk never reaches the
 * database before the parents it references (foreign keys are checked per statement).
 */
export class Buffers {
  private readonly rows = new Map<string, Row[]>();

  constructor(private readonly order: readonly string[]) {
    for (const table of order) this.rows.set(table, []);
  }

  add(table: string, row: Row): void {
    const list = this.rows.get(table);
    if (!list) throw new Error(`seed: table ${table} is not in the buffer order`);
    list.push(row);
  }

  size(table: string): number {
    return this.rows.get(table)?.length ?? 0;
  }

  flush(writer: Writer): void {
    for (const table of this.order) {
      const list = this.rows.get(table)!;
      if (list.length) writer.insert(table, list);
      this.rows.set(table, []);
    }
  }
}
