// Structured JSON logs, one line per event. Callers pass ids (request, tenant, user, consumer), never a
// secret, token or Authorization header; `redact` guards the fields most likely to carry one by mistake.
type Level = "debug" | "info" | "warn" | "error";

const SECRET_KEYS = /authorization|password|secret|token|code_verifier|cookie|^code$/i;

function redact(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, SECRET_KEYS.test(k) ? "[redacted]" : v]));
}

function write(level: Level, msg: string, fields: Record<string, unknown> = {}) {
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...redact(fields) });
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => {
    if (process.env.LOG_LEVEL === "debug") write("debug", msg, fields);
  },
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};

/** An error's name and message without its stack (stacks stay out of responses; logs keep the message). */
export function errorFields(e: unknown): Record<string, unknown> {
  return e instanceof Error ? { error: e.name, detail: e.message } : { error: String(e) };
}

/**
 * One line per answered machine request (MCP, OAuth): ids and outcome only, never a body, a token or a
 * header value. The request id is proxy.ts's when it ran, else a new one, and goes back to the client in
 * `x-request-id` so a report can be matched to its line.
 */
export function logRequest(req: Request, res: Response, started: number, fields: Record<string, unknown> = {}): Response {
  const requestId = req.headers.get("x-request-id") ?? crypto.randomUUID();
  try {
    res.headers.set("x-request-id", requestId);
  } catch {
    // Headers of a fetched response are immutable; the log line still has the id.
  }
  write(res.status >= 500 ? "warn" : "info", "request", {
    requestId,
    method: req.method,
    path: new URL(req.url).pathname,
    status: res.status,
    ms: Math.round(performance.now() - started),
    ...fields,
  });
  return res;
}
