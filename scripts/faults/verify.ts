// The fault test's verdict and its figures. A record's fault window runs from the fault's injection to
// RECOVERY seconds after the database came back; 503s are allowed inside windows only.
import type { CallRecord, Run } from "./load";

export interface Fault {
  kind: "terminate" | "outage";
  /** ms since the run started */
  injectedAt: number;
  backAt: number;
  killed: number;
}

export interface After {
  recoverySeconds: number;
  serverAlive: boolean;
  readyStatus: number;
  refreshAfter: number;
  missingWorkOrders: string[];
  missingComments: string[];
  /** the flooding connection ran: some 429s must have been seen */
  expectLimited: boolean;
}

const inWindow = (r: CallRecord, faults: Fault[], recoveryMs: number) => faults.some((f) => r.end >= f.injectedAt && r.start <= f.backAt + recoveryMs);

/**
 * Per fault: how many 503s it caused, and for every steady connection its first success among the calls it
 * sent after the database came back — when that call was sent and when it was answered (on a loaded machine
 * the answer can lag the database's return by the queue in front of it).
 */
function recoveries(run: Run, faults: Fault[]) {
  const workers = [...new Set(run.records.filter((r) => r.worker !== "flood").map((r) => r.worker))];
  return faults.map((f, i) => {
    const nextFault = faults[i + 1]?.injectedAt ?? Infinity;
    let sent = 0;
    let answered = 0;
    for (const w of workers) {
      // Calls sent before the next fault; a success answered after it still counts (it was sent in time).
      const first = run.records.find((r) => r.worker === w && r.start >= f.backAt && r.start < nextFault && r.outcome === "ok");
      sent = Math.max(sent, first ? first.start - f.backAt : Infinity);
      answered = Math.max(answered, first ? first.end - f.backAt : Infinity);
    }
    const during = run.records.filter((r) => r.outcome === "unavailable" && r.end >= f.injectedAt && r.end < nextFault);
    const after = during.filter((r) => r.start >= f.backAt);
    return {
      kind: f.kind,
      answers_503: during.length,
      all_connections_back_ms: { first_success_sent: sent, first_success_answered: answered },
      last_503_after_back_ms: after.length ? Math.max(...after.map((r) => r.end)) - f.backAt : null,
    };
  });
}

export function verify(run: Run, faults: Fault[], after: After) {
  const failures: string[] = [];
  const recoveryMs = after.recoverySeconds * 1000;
  const bad = run.records.filter((r) => r.outcome === "failed");
  if (bad.length) {
    const examples = bad.slice(0, 5).map((r) => `${r.worker} ${r.op} at ${(r.start / 1000).toFixed(1)}s: ${r.status} ${r.detail ?? ""}`);
    failures.push(`${bad.length} answers were neither success, 503 nor 429 with Retry-After and the promised body, e.g.\n    ${examples.join("\n    ")}`);
  }
  const stray = run.records.filter((r) => r.outcome === "unavailable" && !inWindow(r, faults, recoveryMs));
  if (stray.length) failures.push(`${stray.length} 503s outside the fault windows, first at ${(stray[0].start / 1000).toFixed(1)}s (${stray[0].worker} ${stray[0].op})`);
  const recovery = recoveries(run, faults);
  for (const r of recovery) {
    // Sent, not answered: on a loaded machine an answer lags by the queue in front of it, which is not the
    // database's doing; a call that hangs instead fails on its own (30 s client timeout).
    const back = r.all_connections_back_ms.first_success_sent;
    if (!(back <= recoveryMs)) failures.push(`after the ${r.kind} fault, a connection sent no successful call within ${after.recoverySeconds}s (${back} ms)`);
  }
  if (!run.records.some((r) => r.outcome === "unavailable")) failures.push("no 503 at all: the faults did not reach the load (nothing was tested)");
  if (after.expectLimited && !run.records.some((r) => r.worker === "flood" && r.outcome === "limited")) failures.push("the flooding connection never got a 429");
  const limitedSteady = run.records.filter((r) => r.outcome === "limited" && r.worker !== "flood" && r.kind === "mcp");
  if (limitedSteady.length) failures.push(`${limitedSteady.length} 429s for connections within their limit (isolation)`);
  if (!after.serverAlive) failures.push("next start died");
  if (after.readyStatus !== 200) failures.push(`/api/ready answered ${after.readyStatus} after the run`);
  if (after.refreshAfter !== 200) failures.push(`the refresh chain's last token was refused afterwards (${after.refreshAfter}): a rotation was left half-done`);
  if (after.missingWorkOrders.length) failures.push(`${after.missingWorkOrders.length} acknowledged work orders are missing: ${after.missingWorkOrders.slice(0, 5).join(", ")}`);
  if (after.missingComments.length) failures.push(`${after.missingComments.length} acknowledged comments are missing`);
  return { failures, recovery };
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);

export function summarise(run: Run, faults: Fault[], durationMs: number, info: Record<string, unknown> & { recovery: unknown }) {
  const mcp = run.records.filter((r) => r.kind === "mcp");
  const count = (rs: CallRecord[]) => rs.reduce<Record<string, number>>((acc, r) => ((acc[`${r.status} ${r.outcome}`] = (acc[`${r.status} ${r.outcome}`] ?? 0) + 1), acc), {});
  const latencies = mcp.filter((r) => r.outcome === "ok" && !inWindow(r, faults, 10_000)).map((r) => r.end - r.start).sort((a, b) => a - b);
  return {
    date: new Date().toISOString(),
    ...info,
    duration_s: Math.round(durationMs / 100) / 10,
    mcp_calls: mcp.length,
    mcp_calls_per_s: Math.round((mcp.length / durationMs) * 10_000) / 10,
    mcp_answers: count(mcp),
    token_answers: count(run.records.filter((r) => r.kind === "token")),
    latency_ms_outside_faults: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), max: latencies.at(-1) ?? null },
    faults: faults.map((f) => ({ ...f, injectedAt_s: f.injectedAt / 1000, backAt_s: f.backAt / 1000 })),
    fives_outside_windows: mcp.filter((r) => typeof r.status === "number" && r.status >= 500 && !inWindow(r, faults, 10_000)).length,
    writes: {
      work_orders_acknowledged: run.written.workOrders.length,
      comments_acknowledged: run.written.comments.length,
      creations_answered_503: run.written.unknownTitles.length,
    },
  };
}
