// Server-side error log of the MCP endpoint: one JSON line per failure, with the real error. Clients only
// ever see "Internal error".
export function logError(msg: string, subject: string, e: unknown) {
  const error = e instanceof Error ? { name: e.name, message: e.message, stack: e.stack } : { message: String(e) };
  console.error(JSON.stringify({ level: "error", msg, subject, error }));
}
