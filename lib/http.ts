// Headers for the machine endpoints (MCP, OAuth, their metadata) that proxy.ts does not run for: a
// middleware pass cost those requests more than the handlers themselves (docs/performance.md), and all
// it gave them is these two headers, which the handlers' own response helpers now set.
export function machineHeaders(): Record<string, string> {
  return { "X-Content-Type-Options": "nosniff", "X-Request-Id": crypto.randomUUID() };
}
