import "server-only";
// Helpers shared by the asset, location, meter and request data modules: input parsing, unique-code
// conflicts and the tree checks (descendants, cycle refusal) for the Asset and Location trees.
import type { z } from "zod";
import type { Tx } from "@/lib/db/tenant";
import { AppError, forbidden } from "@/lib/errors";
import { can, type Access } from "@/lib/tenancy/access";
import type { Action, Module } from "@/lib/tenancy/permissions";

export function requireRight(access: Access, module: Module, action: Action) {
  if (!can(access, module, action)) throw forbidden();
}

/** Every door validates already; parsing again here keeps lib/data safe when called directly. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    throw new AppError("invalid", `${where}${first?.message ?? "Invalid input"}`, parsed.error.issues);
  }
  return parsed.data;
}

/** Prisma's unique-constraint error (P2002), the backstop when two writers race past a pre-check. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}

export type Tree = "Asset" | "Location";

/**
 * Serialises re-parenting within one tenant's tree. Two concurrent moves (A under B, B under A) would each
 * pass the cycle check on their own snapshot; a transaction-scoped advisory lock makes the second wait
 * and check again after the first commits.
 */
export async function lockTree(tx: Tx, tenantId: string, tree: Tree) {
  const key = `${tenantId}:${tree}:tree`;
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))::text`;
}

/** The ids of `id` and every node below it, for one tree, inside the tenant. */
export async function subtreeIds(tx: Tx, tenantId: string, tree: Tree, id: string): Promise<string[]> {
  const rows =
    tree === "Asset"
      ? await tx.$queryRaw<{ id: string }[]>`
          WITH RECURSIVE sub AS (
            SELECT id FROM "Asset" WHERE id = ${id} AND "tenantId" = ${tenantId}
            UNION
            SELECT a.id FROM "Asset" a JOIN sub ON a."parentId" = sub.id WHERE a."tenantId" = ${tenantId}
          ) SELECT id FROM sub`
      : await tx.$queryRaw<{ id: string }[]>`
          WITH RECURSIVE sub AS (
            SELECT id FROM "Location" WHERE id = ${id} AND "tenantId" = ${tenantId}
            UNION
            SELECT l.id FROM "Location" l JOIN sub ON l."parentId" = sub.id WHERE l."tenantId" = ${tenantId}
          ) SELECT id FROM sub`;
  return rows.map((r) => r.id);
}

/** The ancestors of `id` from the root down to its parent (breadcrumbs), inside the tenant. */
export async function ancestors(tx: Tx, tenantId: string, tree: Tree, id: string) {
  // UNION (not UNION ALL) stops the walk even if a cycle ever existed in the data.
  const rows =
    tree === "Asset"
      ? await tx.$queryRaw<{ id: string; code: string; name: string; depth: number }[]>`
          WITH RECURSIVE up AS (
            SELECT p.id, p.code, p.name, p."parentId", 1 AS depth
              FROM "Asset" c JOIN "Asset" p ON p.id = c."parentId" AND p."tenantId" = ${tenantId}
             WHERE c.id = ${id} AND c."tenantId" = ${tenantId}
            UNION
            SELECT p.id, p.code, p.name, p."parentId", up.depth + 1
              FROM "Asset" p JOIN up ON p.id = up."parentId" WHERE p."tenantId" = ${tenantId} AND up.depth < 50
          ) SELECT id, code, name, depth FROM up`
      : await tx.$queryRaw<{ id: string; code: string; name: string; depth: number }[]>`
          WITH RECURSIVE up AS (
            SELECT p.id, p.code, p.name, p."parentId", 1 AS depth
              FROM "Location" c JOIN "Location" p ON p.id = c."parentId" AND p."tenantId" = ${tenantId}
             WHERE c.id = ${id} AND c."tenantId" = ${tenantId}
            UNION
            SELECT p.id, p.code, p.name, p."parentId", up.depth + 1
              FROM "Location" p JOIN up ON p.id = up."parentId" WHERE p."tenantId" = ${tenantId} AND up.depth < 50
          ) SELECT id, code, name, depth FROM up`;
  return rows.sort((a, b) => b.depth - a.depth).map(({ id, code, name }) => ({ id, code, name }));
}

/** Refuses to put a node under itself or under one of its own descendants. Call after lockTree(). */
export async function assertNoCycle(tx: Tx, tenantId: string, tree: Tree, id: string, newParentId: string | null) {
  if (newParentId === null) return;
  const below = await subtreeIds(tx, tenantId, tree, id);
  if (below.includes(newParentId)) {
    const noun = tree === "Asset" ? "an asset" : "a location";
    throw new AppError("conflict", `Cannot move ${noun} under itself or one of its own descendants`);
  }
}
