// How an MCP tool is declared. Domain modules (lib/mcp/tools/<area>.ts) export arrays of definitions; the
// server factory registers them all the same way: scopes checked before anything runs (403
// insufficient_scope challenge), the permission checked against the caller's effective rights with an
// audit row on denial, input validated by the zod schema, writes audited, errors mapped (AppError
// not_found → "not found", never internal text), and results returned as structured content plus a
// short text summary.
import type { z } from "zod";
import type { Access } from "@/lib/tenancy/access";
import type { Caller } from "@/lib/tenancy/token-access";
import type { Action, Module } from "@/lib/tenancy/permissions";

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ToolContext {
  /** tenant, user, consumer and effective permissions (consumer group ∩ user role ∩ token scopes) */
  access: Access;
  /** the caller's IP, for audit rows */
  ip: string | null;
  /** tenant, user and consumer names and granted scopes, for tools about the caller (whoami) */
  caller?: Caller;
}

export interface ToolDefinition<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  /** OAuth scopes the token must carry, e.g. ["workorders:read"] */
  scopes: readonly string[];
  /** the role/group right checked on every call; null only for tools about the caller (whoami) */
  permission: readonly [Module, Action] | null;
  annotations: ToolAnnotations;
  input: I;
  output: O;
  // Method syntax on purpose: definitions with different schemas then fit in one ToolDefinition[].
  handler(input: z.infer<I>, ctx: ToolContext): Promise<{ structured: z.infer<O>; summary: string }>;
}

/** Identity helper that keeps the input/output types linked for each tool. */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(def: ToolDefinition<I, O>): ToolDefinition<I, O> {
  return def;
}

export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
export const CREATES: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false };
export const UPDATES: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false };
export const DESTRUCTIVE: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false };
