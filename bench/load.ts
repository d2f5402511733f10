// Load generation: autocannon for throughput cells (fixed concurrency, keep-alive connections, one request
// in flight per connection), plain sequential fetches for latency-only series. Percentiles are computed
// here from every successful response's latency, so p95 is exact (autocannon itself reports p97.5).
import autocannon from "autocannon";

export interface CellResult {
  connections: number;
  seconds: number;
  /** successful responses per second */
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  ok: number;
  /** responses that were not a success (status or body), plus socket errors and timeouts */
  failed: number;
  statuses: Record<string, number>;
  /** the first failed response, abridged: what went wrong */
  first_failure?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const round = (n: number, digits = 1) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : null);

export interface Cell {
  url: string;
  connections: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** per request: fill in headers/body (for requests that change every time) */
  setupRequest?: (req: autocannon.Request, context: Record<string, unknown>) => autocannon.Request;
  /** per response: whether it counts as a success (default: any 2xx) */
  success?: (status: number, body: string, headers: Record<string, string | string[]>, context: Record<string, unknown>) => boolean;
}

export async function runCell(cell: Cell): Promise<CellResult> {
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;
  const statuses: Record<string, number> = {};
  // The latency of the response the success hook judged last (autocannon calls it just before `response`).
  let lastVerdict = true;
  let firstFailure: string | undefined;
  const request: autocannon.Request = {
    method: cell.method ?? "POST",
    headers: cell.headers,
    body: cell.body,
    ...(cell.setupRequest ? { setupRequest: cell.setupRequest } : {}),
    onResponse: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => {
      lastVerdict = cell.success ? cell.success(status, body, headers, context) : status >= 200 && status < 300;
      if (!lastVerdict && firstFailure === undefined) {
        const location = Object.entries(headers).find(([k]) => k.toLowerCase() === "location")?.[1];
        firstFailure = `${status} ${location ? `→ ${location}` : body.slice(0, 300)}`.replace(/\s+/g, " ");
      }
    },
  } as autocannon.Request;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: cell.url, connections: cell.connections, pipelining: 1, duration: cell.seconds, timeout: 30, requests: [request] },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on("response", (_client, status, _bytes, latency) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (lastVerdict) {
        ok++;
        latencies.push(latency);
      } else {
        failed++;
      }
    });
  });
  failed += result.errors + result.timeouts;
  latencies.sort((a, b) => a - b);
  const seconds = result.duration;
  return {
    connections: cell.connections,
    seconds: round(seconds, 2)!,
    rps: round(ok / seconds)!,
    p50_ms: round(percentile(latencies, 50))!,
    p95_ms: round(percentile(latencies, 95))!,
    p99_ms: round(percentile(latencies, 99))!,
    ok,
    failed,
    statuses,
    ...(firstFailure ? { first_failure: firstFailure } : {}),
  };
}

export interface SeriesResult {
  calls: number;
  p50_ms: number | null;
  p95_ms: number | null;
  max_ms: number | null;
  /** calls that threw (not timed) */
  failed: number;
  first_error?: string;
}

/**
 * `calls` sequential requests (after `warmup` unmeasured ones), stopping early after `budgetMs` (once five
 * are timed) or after three failures in a row.
 */
export async function sequential(call: () => Promise<void>, calls: number, warmup: number, budgetMs: number): Promise<SeriesResult> {
  const times: number[] = [];
  let failed = 0;
  let inARow = 0;
  let firstError: string | undefined;
  const deadline = Date.now() + budgetMs;
  for (let i = 0; i < warmup + calls && inARow < 3 && (times.length < 5 || Date.now() < deadline); i++) {
    const started = performance.now();
    try {
      await call();
      inARow = 0;
      if (i >= warmup) times.push(performance.now() - started);
    } catch (e) {
      failed++;
      inARow++;
      firstError ??= (e instanceof Error ? e.message : String(e)).slice(0, 300);
    }
  }
  times.sort((a, b) => a - b);
  return {
    calls: times.length,
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    max_ms: times.length ? round(times.at(-1)!) : null,
    failed,
    ...(firstError ? { first_error: firstError } : {}),
  };
}
