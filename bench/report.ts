// The printed table and bench/results/latest.json. Ratios are Fettle ÷ limit and Fettle ÷ peer throughput;
// targets come from issue 8 and are judged here so the docs and the JSON say the same thing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CellResult, SeriesResult } from "./load";

export type Target = "fettle" | "limit" | "peer";
export const TARGETS: Target[] = ["fettle", "limit", "peer"];
export const CONCURRENCY = [1, 8, 32];

export interface Results {
  mode: "full" | "quick" | "custom";
  date: string;
  note?: string;
  duration_s: number;
  machine: Record<string, unknown>;
  database: Record<string, unknown>;
  ratios: { mcp_vs_limit: number | null; mcp_vs_peer: number | null };
  mcp: { rps: number; p50_ms: number; p95_ms: number; p99_ms: number } | null;
  cells: Record<Target, CellResult[]>;
  same_json: boolean;
  explain: { name: string; execution_ms: number }[];
  kpi: Record<string, Record<string, SeriesResult>> | null;
  kpi_year_p50_ms: number | null;
  kpi_year_vs_small: number | null;
  refresh_rps: number | null;
  refresh: CellResult | null;
  refresh_confidential: CellResult | null;
  signin_rps: number | null;
  signin: CellResult | null;
  rss_mb: number | null;
  rss_tree_mb: number | null;
  /** right after start-up (first health check answered) */
  rss_start_mb: number | null;
  targets: { name: string; goal: string; value: number | null; met: boolean | null }[];
  notes: string[];
}

/** a ÷ b to two significant digits (0.031, 0.54, 1.2), null when either is missing or zero */
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? Number((a / b).toPrecision(2)) : null);

export function summarise(r: Omit<Results, "ratios" | "mcp" | "targets" | "kpi_year_p50_ms" | "kpi_year_vs_small">): Results {
  const at32 = (t: Target) => r.cells[t].find((c) => c.connections === 32);
  const f = at32("fettle");
  const ratios = { mcp_vs_limit: ratio(f?.rps, at32("limit")?.rps), mcp_vs_peer: ratio(f?.rps, at32("peer")?.rps) };
  const kpiYear = r.kpi?.acme?.year?.p50_ms ?? null;
  const small = r.kpi?.globex?.year?.p50_ms ?? null;
  const kpiVsSmall = kpiYear !== null && small ? Math.round((kpiYear / small) * 100) / 100 : null;
  const judge = (name: string, goal: string, value: number | null, ok: (v: number) => boolean) => ({
    name,
    goal,
    value,
    met: value === null ? null : ok(value),
  });
  return {
    ...r,
    ratios,
    mcp: f ? { rps: f.rps, p50_ms: f.p50_ms, p95_ms: f.p95_ms, p99_ms: f.p99_ms } : null,
    kpi_year_p50_ms: kpiYear,
    kpi_year_vs_small: kpiVsSmall,
    targets: [
      judge("MCP list ÷ limit (req/s at 32)", "≥ 0.7", ratios.mcp_vs_limit, (v) => v >= 0.7),
      judge("MCP list ÷ peer (req/s at 32)", "≥ 1.0", ratios.mcp_vs_peer, (v) => v >= 1.0),
      judge("MCP list p95 at 32 (ms)", "< 50", f?.p95_ms ?? null, (v) => v < 50),
      judge("KPI year, 1M tenant, p50 (ms)", "< 200", kpiYear, (v) => v < 200),
      judge("KPI year, big ÷ small tenant (p50)", "≤ 2", kpiVsSmall, (v) => v <= 2),
      judge("refresh grant (req/s)", "≥ 250", r.refresh_rps, (v) => v >= 250),
      judge("next start peak RSS (MB)", "< 400", r.rss_mb, (v) => v < 400),
    ],
  };
}

const pad = (v: unknown, n: number) => String(v ?? "—").padStart(n);
const fmtCell = (c: CellResult | undefined) => (c ? `${pad(c.rps, 7)} ${pad(c.p50_ms, 6)} ${pad(c.p95_ms, 6)} ${pad(c.p99_ms, 6)}` : pad("—", 28));

export function printTable(r: Results) {
  const lines: string[] = [];
  lines.push("", `Fettle benchmark — ${r.mode} run, ${r.date}`, `${JSON.stringify(r.machine)}`, "");
  lines.push("MCP tools/call search_work_orders (25 rows, status open|in_progress), req/s and latency ms (p50 p95 p99)");
  lines.push(`conc | ${"Fettle (Next.js)".padEnd(28)} | ${"limit (node:http + pg)".padEnd(28)} | ${"peer (MCP SDK, no Next)".padEnd(28)} | ÷limit ÷peer`);
  for (const c of CONCURRENCY) {
    const at = (t: Target) => r.cells[t].find((x) => x.connections === c);
    const f = at("fettle");
    lines.push(
      `${pad(c, 4)} | ${fmtCell(f)} | ${fmtCell(at("limit"))} | ${fmtCell(at("peer"))} | ${pad(ratio(f?.rps, at("limit")?.rps), 6)} ${pad(ratio(f?.rps, at("peer")?.rps), 5)}`,
    );
  }
  const failed = TARGETS.flatMap((t) => r.cells[t].filter((c) => c.failed > 0).map((c) => `${t}@${c.connections}: ${c.failed} failed, first: ${c.first_failure ?? "timeout/socket"}`));
  if (failed.length) lines.push(`failures: ${failed.join("; ")}`);
  if (r.kpi) {
    lines.push("", "get_kpis, sequential calls (ms): tenant period → p50 / p95 / max (calls)");
    for (const [tenant, periods] of Object.entries(r.kpi)) {
      for (const [period, s] of Object.entries(periods)) lines.push(`  ${tenant.padEnd(7)} ${period.padEnd(8)} ${pad(s.p50_ms, 8)} / ${pad(s.p95_ms, 8)} / ${pad(s.max_ms, 8)}  (${s.calls} timed${s.failed ? `, ${s.failed} failed` : ""})`);
    }
  }
  const one = (label: string, c: CellResult | null) =>
    c && lines.push(`${label.padEnd(34)} ${pad(c.rps, 7)} req/s  p50 ${c.p50_ms} p95 ${c.p95_ms} p99 ${c.p99_ms} ms  (${c.connections} conc, ${c.ok} ok, ${c.failed} failed)`);
  lines.push("");
  one("token refresh grant, public clients", r.refresh);
  one("token refresh grant, confidential", r.refresh_confidential);
  one("sign-in (next-auth credentials)", r.signin);
  for (const [label, c] of [["refresh", r.refresh], ["refresh (confidential)", r.refresh_confidential], ["sign-in", r.signin]] as const) {
    if (c?.first_failure) lines.push(`  ${label}: first failure ${c.first_failure.slice(0, 200)}`);
  }
  lines.push(`next start peak RSS: ${r.rss_mb} MB (process tree peak ${r.rss_tree_mb} MB; ${r.rss_start_mb} MB right after start-up)`, "");
  lines.push("Targets (issue 8):");
  for (const t of r.targets) lines.push(`  ${t.met === null ? "?" : t.met ? "✓" : "✗"} ${t.name.padEnd(38)} ${pad(t.value, 8)}  goal ${t.goal}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  console.log(lines.join("\n"));
}

export function writeResults(r: Results, file = path.join(process.cwd(), "bench", "results", "latest.json")) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, `${JSON.stringify(r, null, 2)}\n`);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

const loads = (l: number[]) => l.map((x) => Math.round(x * 100) / 100);

/** CPU pressure (Linux PSI): the share of time some runnable task waited for a CPU, over 10 s and 60 s. */
export function cpuPressure(): { avg10: number; avg60: number } | null {
  try {
    const line = fs.readFileSync("/proc/pressure/cpu", "utf8").split("\n")[0];
    const num = (key: string) => Number(new RegExp(`${key}=([\\d.]+)`).exec(line)?.[1]);
    return { avg10: num("avg10"), avg60: num("avg60") };
  } catch {
    return null;
  }
}

/** The 1-minute load average every few seconds while the measurements run: what else wanted the CPU. */
export function loadSampler(everyMs = 5_000) {
  const samples: number[] = [];
  const timer = setInterval(() => samples.push(os.loadavg()[0]), everyMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (samples.length === 0) return null;
      const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
      return { samples: samples.length, min: Math.round(Math.min(...samples) * 100) / 100, mean: Math.round(mean * 100) / 100, max: Math.round(Math.max(...samples) * 100) / 100 };
    },
  };
}

export function machine(postgres: Record<string, string>, loadAtStart: number[]) {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? "unknown",
    memory_gb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgres.version,
    postgres_settings: { shared_buffers: postgres.shared_buffers, work_mem: postgres.work_mem, max_connections: postgres.max_connections },
    load_average_at_start: loads(loadAtStart),
    load_average_at_end: loads(os.loadavg()),
    cpu_pressure_at_end: cpuPressure(),
  };
}
