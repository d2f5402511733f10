// The processes the bench starts (next build, next start, the limit and peer servers): each in its own
// process group, output to a log file, all killed when the bench exits — normally, on an error or on Ctrl-C.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = process.cwd();
export const LOG_DIR = path.join(ROOT, ".data", "bench");
const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal); // the whole group: `next start` may have children of its own
  } catch {
    // already gone
  }
}

/** Kills everything still running (synchronous, so it also works from the `exit` event). */
export function killAll() {
  for (const child of running) killGroup(child, "SIGKILL");
  running.clear();
}

let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\nbench: ${signal}, stopping the servers it started`);
      killAll();
      process.exit(130);
    });
  }
}

export interface Started {
  name: string;
  child: ChildProcess;
  log: string;
  stop(): Promise<void>;
}

/** Starts a long-running process in its own group; its stdout and stderr go to .data/bench/<name>.log. */
export function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): Started {
  hookExit();
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const log = path.join(LOG_DIR, `${name}.log`);
  const out = fs.openSync(log, "w");
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", out, out] });
  fs.closeSync(out);
  running.add(child);
  child.on("exit", () => running.delete(child));
  return {
    name,
    child,
    log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      killGroup(child, "SIGTERM");
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a command to completion with inherited output; throws on failure. */
export function runStep(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const res = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (res.status !== 0) throw new Error(`${label} failed (exit ${res.status ?? res.signal})`);
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** The first free port at or after `from`, skipping `taken`. */
export async function freePort(from: number, taken: number[] = []): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    if (!taken.includes(port) && (await portIsFree(port))) return port;
  }
  throw new Error(`bench: no free port in ${from}–${from + 199}`);
}

/** Polls `url` until it answers 200; fails early when the process dies. */
export async function waitHealthy(url: string, proc: Started, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited (code ${proc.child.exitCode}); see ${proc.log}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${proc.name} did not answer ${url} within ${timeoutMs / 1000}s; see ${proc.log}`);
}

function children(): Map<number, number[]> {
  const tree = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      tree.set(ppid, [...(tree.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  return tree;
}

function statusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Peak memory of a process tree, sampled every `everyMs`: the largest single process's high-water mark
 * (VmHWM, kept by the kernel between samples) and the largest sum of the tree's resident sets.
 */
export function rssSampler(rootPid: number, everyMs = 500) {
  let peakProcessKb = 0;
  let peakTreeKb = 0;
  let lastTreeKb = 0;
  const sample = () => {
    const tree = children();
    const pids = [rootPid];
    for (let i = 0; i < pids.length; i++) pids.push(...(tree.get(pids[i]) ?? []));
    let sum = 0;
    for (const pid of pids) {
      sum += statusKb(pid, "VmRSS");
      peakProcessKb = Math.max(peakProcessKb, statusKb(pid, "VmHWM"));
    }
    peakTreeKb = Math.max(peakTreeKb, sum);
    lastTreeKb = sum;
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    /** the tree's resident set now, in MB */
    now() {
      sample();
      return Math.round(lastTreeKb / 1024);
    },
    stop() {
      sample();
      clearInterval(timer);
      return { processMb: Math.round(peakProcessKb / 1024), treeMb: Math.round(peakTreeKb / 1024) };
    },
  };
}
