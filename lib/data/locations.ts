import "server-only";
// Locations: sites, buildings, areas and lines, as a tree. Same rules as every lib/data module: Access
// first, tenant inside the query, RLS underneath, referenced ids checked in the tenant's transaction,
// an audit row per write, and re-parenting refused when it would make a loop.
import type { Prisma } from "@/lib/generated/prisma/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import {
  locationCreateSchema,
  locationMoveSchema,
  locationUpdateSchema,
  type LocationCreateInput,
  type LocationMoveInput,
  type LocationUpdateInput,
} from "@/lib/validation/location";
import { audit } from "./audit";
import { ancestors, assertNoCycle, isUniqueViolation, lockTree, parseInput, requireRight } from "./assets-shared";

/** A tenant has tens to hundreds of locations; the tree is read whole, with a safety cap. */
const TREE_CAP = 2000;

const nodeSelect = {
  id: true,
  code: true,
  name: true,
  parentId: true,
  _count: { select: { assets: true, children: true } },
} as const satisfies Prisma.LocationSelect;

type NodeRow = Prisma.LocationGetPayload<{ select: typeof nodeSelect }>;
export type LocationNode = { id: string; code: string; name: string; parentId: string | null; assetCount: number; childCount: number };

const present = ({ _count, ...row }: NodeRow): LocationNode => ({ ...row, assetCount: _count.assets, childCount: _count.children });

/** Every location of the tenant, flat and ordered by code; callers nest them by parentId. */
export async function listLocations(access: Access): Promise<LocationNode[]> {
  requireRight(access, "assets", "view");
  const rows = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.location.findMany({ where: { tenantId: access.tenantId }, select: nodeSelect, orderBy: [{ code: "asc" }, { id: "asc" }], take: TREE_CAP }),
  );
  return rows.map(present);
}

/** The direct children of a location (or the top-level locations for null). */
export async function listChildLocations(access: Access, parentId: string | null): Promise<LocationNode[]> {
  requireRight(access, "assets", "view");
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    if (parentId) await requireLocation(tx, tenantId, parentId);
    const rows = await tx.location.findMany({ where: { tenantId, parentId }, select: nodeSelect, orderBy: [{ code: "asc" }, { id: "asc" }], take: TREE_CAP });
    return rows.map(present);
  });
}

export type LocationTreeNode = LocationNode & { depth: number; path: string; children: LocationTreeNode[] };

/** Nests a flat list into trees (roots first, children by code), with each node's depth and path. */
export function buildLocationTree(nodes: LocationNode[]): LocationTreeNode[] {
  const byId = new Map(nodes.map((n) => [n.id, { ...n, depth: 0, path: n.name, children: [] as LocationTreeNode[] }]));
  const roots: LocationTreeNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const walk = (list: LocationTreeNode[], depth: number, prefix: string) => {
    for (const n of list) {
      n.depth = depth;
      n.path = prefix ? `${prefix} / ${n.name}` : n.name;
      walk(n.children, depth + 1, n.path);
    }
  };
  walk(roots, 0, "");
  return roots;
}

/** Depth-first flattening of a tree (for selects and compact MCP output). */
export function flattenLocationTree(roots: LocationTreeNode[]): LocationTreeNode[] {
  return roots.flatMap((n) => [n, ...flattenLocationTree(n.children)]);
}

async function requireLocation(tx: Tx, tenantId: string, id: string, what = "Location not found") {
  const row = await tx.location.findFirst({ where: { id, tenantId }, select: { id: true, code: true, name: true, parentId: true } });
  if (!row) throw notFound(what);
  return row;
}

/** A location with its ancestors (breadcrumbs) and direct children. */
export async function getLocation(access: Access, id: string) {
  requireRight(access, "assets", "view");
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const row = await tx.location.findFirst({ where: { id, tenantId }, select: nodeSelect });
    if (!row) throw notFound("Location not found");
    const children = await tx.location.findMany({ where: { tenantId, parentId: row.id }, select: nodeSelect, orderBy: [{ code: "asc" }, { id: "asc" }] });
    return { ...present(row), path: await ancestors(tx, tenantId, "Location", row.id), children: children.map(present) };
  });
}

async function requireFreeCode(tx: Tx, tenantId: string, code: string, exceptId?: string) {
  const clash = await tx.location.findFirst({ where: { tenantId, code, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new AppError("conflict", `A location with code ${code} already exists`);
}

async function guarded<T>(code: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", `A location with code ${code ?? ""} already exists`);
    throw e;
  }
}

const written = { id: true, code: true, name: true, parentId: true } as const;

export async function createLocation(access: Access, input: LocationCreateInput) {
  requireRight(access, "assets", "create");
  const data = parseInput(locationCreateSchema, input);
  const tenantId = access.tenantId;
  return guarded(data.code, () =>
    withTenant(tenantId, access.userId, async (tx) => {
      await requireFreeCode(tx, tenantId, data.code);
      if (data.parentId) await requireLocation(tx, tenantId, data.parentId, "Parent location not found");
      const row = await tx.location.create({
        data: { tenantId, code: data.code, name: data.name, parentId: data.parentId ?? null },
        select: written,
      });
      await audit(tx, access, { action: "location.create", entity: "Location", entityId: row.id, after: row });
      return row;
    }),
  );
}

export async function updateLocation(access: Access, input: LocationUpdateInput) {
  requireRight(access, "assets", "edit");
  const { id, code, name } = parseInput(locationUpdateSchema, input);
  const tenantId = access.tenantId;
  return guarded(code, () =>
    withTenant(tenantId, access.userId, async (tx) => {
      const before = await requireLocation(tx, tenantId, id);
      if (code && code !== before.code) await requireFreeCode(tx, tenantId, code, id);
      const after = await tx.location.update({ where: { id: before.id, tenantId }, data: { code, name }, select: written });
      await audit(tx, access, { action: "location.update", entity: "Location", entityId: id, before, after });
      return after;
    }),
  );
}

/** Moves a location under another (or to the top level); refused if that would put it under itself. */
export async function moveLocation(access: Access, input: LocationMoveInput) {
  requireRight(access, "assets", "edit");
  const data = parseInput(locationMoveSchema, input);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    await lockTree(tx, tenantId, "Location");
    const before = await requireLocation(tx, tenantId, data.id);
    const parentId = data.parentId ?? null;
    if (parentId) await requireLocation(tx, tenantId, parentId, "Parent location not found");
    await assertNoCycle(tx, tenantId, "Location", before.id, parentId);
    const after = await tx.location.update({ where: { id: before.id, tenantId }, data: { parentId }, select: written });
    await audit(tx, access, {
      action: "location.move",
      entity: "Location",
      entityId: before.id,
      before: { parentId: before.parentId },
      after: { parentId: after.parentId },
    });
    return after;
  });
}
