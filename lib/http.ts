// Headers for the machine endpoints (MCP, OAuth, their metadata) that proxy.ts does not run for: a
// middleware pass cost those requests more than the handlers themselves (docs/performance.md). The request
// id comes from the log line instead (lib/log.ts logRequest), which sets x-request-id on the answer.
export function machineHeaders(): Record<string, string> {
  return { "X-Content-Type-Options": "nosniff" };
}
