// After the end-to-end run: every secret, token, code and password the tests handled must be absent from
// what the server printed (issue: logs never carry a secret, token or Authorization header). The tests
// record what they saw in $TEST_RESULTS_DIR/secrets/*.txt (e2e/oauth/helpers.ts, Secrets).
import fs from "node:fs";
import path from "node:path";

/** @returns {{ ok: boolean, message: string }} */
export function checkServerLog(results, extraSecrets = []) {
  const logFile = path.join(results, "server.log");
  if (!fs.existsSync(logFile)) return { ok: false, message: `no server log at ${logFile}` };
  const log = fs.readFileSync(logFile, "utf8");
  const dir = path.join(results, "secrets");
  const recorded = fs.existsSync(dir)
    ? fs.readdirSync(dir).flatMap((f) => fs.readFileSync(path.join(dir, f), "utf8").split("\n"))
    : [];
  // Short values (e.g. a state) would match by chance; every real secret here is far longer.
  const secrets = [...new Set([...recorded, ...extraSecrets])].filter((s) => s && s.length >= 8);
  // A check that saw nothing proves nothing: the OAuth and MCP tests always hand over tokens.
  if (secrets.length < 20) return { ok: false, message: `only ${secrets.length} secrets were recorded by the tests` };
  const leaked = secrets.filter((s) => log.includes(s));
  const bearer = /authorization["']?\s*[:=]\s*["']?(bearer|basic) [a-z0-9]/i.test(log);
  if (leaked.length || bearer) {
    const shown = leaked.map((s) => `${s.slice(0, 6)}…`).join(", ");
    return { ok: false, message: `server log holds ${leaked.length} secret(s)${shown ? ` (${shown})` : ""}${bearer ? " and an Authorization header" : ""}` };
  }
  const lines = log.split("\n").filter((l) => l.startsWith("{"));
  // The logs must also be useful: MCP and OAuth requests leave a line with the proxy's request id, and
  // MCP calls name their tenant, user and consumer.
  const requests = lines.map((l) => { try { return JSON.parse(l); } catch { return {}; } }).filter((e) => e.msg === "request" && e.requestId);
  const mcpWithCaller = requests.filter((e) => e.path === "/api/mcp" && e.tenant && e.consumer).length;
  const oauth = requests.filter((e) => String(e.path).startsWith("/api/oauth/")).length;
  if (!mcpWithCaller || !oauth) return { ok: false, message: `request lines missing: ${mcpWithCaller} MCP with a caller, ${oauth} OAuth` };
  return { ok: true, message: `${secrets.length} secrets and tokens checked against ${lines.length} JSON log lines (${requests.length} request lines): none found` };
}
