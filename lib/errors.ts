// The app's typed errors. Each door maps them in one place (UI actions, REST, MCP); anything else is
// reported as a generic failure so internal messages never reach a client.
export class AppError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "invalid" | "conflict" | "rate_limited" | "unavailable",
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);
export const forbidden = (what = "You do not have permission to do that") => new AppError("forbidden", what);
