import "server-only";
// Registers ToolDefinitions (lib/mcp/define.ts) on an McpServer, the same way for every tool:
//   1. scopes — the SDK's per-tool scopeChallenge runs before the exchange starts (stateless HTTP: one
//      JSON-RPC request per POST, nothing streamed yet), so a token without the tool's scopes always gets a
//      real HTTP 403 `insufficient_scope` naming them (MCP 2025-11-25 "scope challenge"). The handler checks
//      again and answers an isError result where no HTTP layer can challenge (in-process transports);
//   2. input — validated by the SDK against the zod schema (bad arguments → isError);
//   3. permission — can(access, module, action) on the effective rights, refused before any query;
//   4. the handler (lib/data only), its output checked against the schema, returned as structuredContent
//      plus a short summary and the JSON text (the spec's backwards-compatible form);
//   5. audit — every denial ("mcp.denied") and every successful write ("mcp.<tool>") writes a row naming
//      consumer and user. Domain functions audit their own changes; this row records who called which tool;
//   6. errors — AppError not_found → "Not found", other AppErrors → their message, anything else →
//      "Internal error" (the real one goes to the server log as JSON). An unreachable database is not a
//      tool error: the request's Outcome is marked and the endpoint answers 503 (lib/mcp/outcome.ts).
import type { AuthInfo, CallToolResult, McpServer, ScopeChallengeHandler } from "@modelcontextprotocol/server";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordMcpAudit } from "@/lib/data/mcp-audit";
import { isDatabaseUnavailable, unavailableFields } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { can } from "@/lib/tenancy/access";
import { callerFrom, type CallerInfo } from "./auth";
import type { ToolDefinition } from "./define";
import { logError } from "./log";

type Denial = { reason: "insufficient_scope"; needed: string[] } | { reason: "permission"; needed: string };

/**
 * Logs and swallows: a failed audit write must not turn a denial or a committed write into an error (the
 * write is done; a 503 would invite the client to do it twice). The domain row's own audit entry was
 * written in the write's transaction.
 */
async function safeAudit(who: CallerInfo, action: string, subject: string, after: Prisma.InputJsonObject) {
  try {
    await recordMcpAudit(who.caller.access, { action, entity: "McpTool", entityId: subject, after, ip: who.ip });
  } catch (e) {
    if (isDatabaseUnavailable(e)) log.warn("mcp audit write skipped: database unavailable", { subject, ...unavailableFields(e) });
    else logError("mcp audit write failed", subject, e);
  }
}

const auditDenial = (who: CallerInfo, subject: string, denial: Denial) => safeAudit(who, "mcp.denied", subject, denial);

const hasScopes = (needed: readonly string[], granted: readonly string[]) => needed.every((s) => granted.includes(s));

/** The SDK hook behind the HTTP 403 `insufficient_scope` challenge; audits the denial. */
export function scopeChallenge(needed: readonly string[], subject: string): ScopeChallengeHandler | undefined {
  if (needed.length === 0) return undefined;
  return async ({ authInfo }) => {
    if (!authInfo || hasScopes(needed, authInfo.scopes)) return undefined;
    const who = callerFrom({ http: { authInfo } });
    if (who) await auditDenial(who, subject, { reason: "insufficient_scope", needed: [...needed] });
    return {
      scopes: [...needed] as [string, ...string[]],
      errorDescription: `${subject} needs the scope ${needed.join(" ")}`,
    };
  };
}

const errorResult = (text: string): CallToolResult => ({ content: [{ type: "text", text }], isError: true });

/** The one place tool errors become client text. */
function toolFailure(e: unknown, subject: string, who: CallerInfo): CallToolResult {
  if (isDatabaseUnavailable(e)) {
    who.outcome.unavailable = true;
    log.warn("mcp tool: database unavailable", { subject, ...unavailableFields(e) });
    // Seen only where no HTTP layer replaces it with the 503 (in-process transports).
    return errorResult("Service temporarily unavailable, retry shortly");
  }
  if (e instanceof AppError) return errorResult(e.code === "not_found" ? "Not found" : e.message);
  if (e instanceof z.ZodError) {
    return errorResult(`Invalid input: ${e.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")}`);
  }
  logError("mcp tool failed", subject, e);
  return errorResult("Internal error");
}

/** Checks that run before a handler touches data; null when the call may go ahead. */
async function refusal(
  who: CallerInfo | null,
  subject: string,
  scopes: readonly string[],
  permission: ToolDefinition["permission"],
): Promise<string | null> {
  if (!who) return "Not authenticated";
  if (!hasScopes(scopes, who.caller.scopes)) {
    await auditDenial(who, subject, { reason: "insufficient_scope", needed: [...scopes] });
    return `Insufficient scope: ${subject} needs ${scopes.join(" ")}. Reconnect and grant it.`;
  }
  if (permission && !can(who.caller.access, ...permission)) {
    await auditDenial(who, subject, { reason: "permission", needed: permission.join(":") });
    return `You do not have permission to do that (${subject} needs ${permission[0]} ${permission[1]} rights).`;
  }
  return null;
}

/** Audit rows keep the arguments for forensics, but never an unbounded blob. */
function auditedInput(input: unknown): Prisma.InputJsonValue {
  const json = JSON.stringify(input ?? {});
  return json.length <= 4000 ? (JSON.parse(json) as Prisma.InputJsonValue) : { truncated: true, keys: Object.keys((input as object) ?? {}) };
}

/** Which row a write produced or changed, when its output names one. */
function resultRef(out: Record<string, unknown>): Record<string, string> {
  const ref: Record<string, string> = {};
  for (const key of ["id", "code"]) if (typeof out[key] === "string") ref[key] = out[key] as string;
  return ref;
}

export async function runTool(tool: ToolDefinition, input: unknown, ctx: { http?: { authInfo?: AuthInfo } }): Promise<CallToolResult> {
  const who = callerFrom(ctx);
  const refused = await refusal(who, tool.name, tool.scopes, tool.permission);
  if (refused || !who) return errorResult(refused ?? "Not authenticated");
  try {
    const { structured, summary } = await tool.handler(input as never, { access: who.caller.access, ip: who.ip, caller: who.caller });
    const out = tool.output.safeParse(structured) as z.ZodSafeParseResult<Record<string, unknown>>;
    if (!out.success) throw new Error(`output of ${tool.name} does not match its schema: ${out.error.message}`);
    if (!tool.annotations.readOnlyHint) {
      await safeAudit(who, `mcp.${tool.name}`, tool.name, { input: auditedInput(input), result: resultRef(out.data) });
    }
    return {
      content: [
        { type: "text", text: summary },
        { type: "text", text: JSON.stringify(out.data) },
      ],
      structuredContent: out.data,
    };
  } catch (e) {
    return toolFailure(e, tool.name, who);
  }
}

/**
 * Each tool's output schema as JSON Schema, converted once per process. The SDK converts it on every
 * tools/call and memoises it on the registered tool, but servers are built per request (stateless HTTP),
 * so its memo never outlived one call; the conversion is deterministic, so one copy serves them all.
 */
const outputSchemaJson = new Map<string, Record<string, unknown> | undefined>();

export function registerTools(server: McpServer, tools: readonly ToolDefinition[]) {
  for (const tool of tools) {
    const registered = server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        outputSchema: tool.output,
        annotations: { title: tool.title, ...tool.annotations },
        scopeChallenge: scopeChallenge(tool.scopes, tool.name),
      },
      (input: unknown, ctx) => runTool(tool, input, ctx),
    );
    if (outputSchemaJson.has(tool.name)) registered.outputSchemaJson = outputSchemaJson.get(tool.name);
    else outputSchemaJson.set(tool.name, registered.outputSchemaJson);
  }
}
