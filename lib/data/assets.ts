import "server-only";
// Assets: search and the detail view. Every function takes the caller's Access first, filters by its tenant
// inside the query and runs under RLS for that tenant; another tenant's asset is indistinguishable from a
// missing one. Writes live in assets-write.ts; history (work orders, cost) in assets-history.ts.
import type { Prisma } from "@/lib/generated/prisma/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { assetSearchSchema, type AssetSearchInput } from "@/lib/validation/asset";
import { ancestors, parseInput, requireRight, subtreeIds } from "./assets-shared";
import { assetCost, assetWorkOrders } from "./assets-history";
import { assetDowntime } from "./downtime";
import { assetMeters } from "./meters";
import { clampLimit, decodeCursor, toPage, type Page } from "./pagination";

export const assetSummarySelect = {
  id: true,
  code: true,
  name: true,
  category: true,
  status: true,
  criticality: true,
  parentId: true,
  location: { select: { id: true, code: true, name: true } },
  _count: { select: { children: true } },
} as const satisfies Prisma.AssetSelect;

type SummaryRow = Prisma.AssetGetPayload<{ select: typeof assetSummarySelect }>;

const present = ({ _count, ...row }: SummaryRow) => ({ ...row, childCount: _count.children });
export type AssetSummary = ReturnType<typeof present>;

/** Search and filter a tenant's assets, ordered by code, one keyset page at a time. */
export async function searchAssets(access: Access, input: AssetSearchInput = {}): Promise<Page<AssetSummary>> {
  requireRight(access, "assets", "view");
  const f = parseInput(assetSearchSchema, input);
  const limit = clampLimit(f.limit);
  const after = decodeCursor(f.cursor);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    const and: Prisma.AssetWhereInput[] = [{ tenantId }];
    if (f.query) {
      const contains = { contains: f.query, mode: "insensitive" } as const;
      and.push({
        OR: [{ code: contains }, { name: contains }, { category: contains }, { manufacturer: contains }, { model: contains }, { serial: contains }],
      });
    }
    if (f.category) and.push({ category: { equals: f.category, mode: "insensitive" } });
    if (f.status) and.push({ status: f.status });
    if (f.criticality) and.push({ criticality: f.criticality });
    if (f.minCriticality) and.push({ criticality: { gte: f.minCriticality } });
    if (f.parentId !== undefined) and.push({ parentId: f.parentId });
    // A location includes the locations inside it: "assets at Plant North" covers its lines and rooms.
    if (f.locationId) and.push({ locationId: { in: await subtreeIds(tx, tenantId, "Location", f.locationId) } });
    if (after) {
      const code = String(after.k);
      and.push({ OR: [{ code: { gt: code } }, { code, id: { gt: after.id } }] });
    }
    const rows = await tx.asset.findMany({
      where: { AND: and },
      select: assetSummarySelect,
      orderBy: [{ code: "asc" }, { id: "asc" }],
      take: limit + 1,
    });
    return toPage(rows.map(present), limit, (r) => r.code);
  });
}

const detailSelect = {
  id: true,
  code: true,
  name: true,
  category: true,
  manufacturer: true,
  model: true,
  serial: true,
  criticality: true,
  status: true,
  inService: true,
  createdAt: true,
  updatedAt: true,
  parent: { select: { id: true, code: true, name: true } },
  location: { select: { id: true, code: true, name: true } },
  children: {
    select: { id: true, code: true, name: true, category: true, status: true, criticality: true },
    orderBy: { code: "asc" },
    take: 200,
  },
} as const satisfies Prisma.AssetSelect;

/** An asset by id or by code, or notFound(). */
async function findAsset(tx: Tx, tenantId: string, ref: string) {
  const row = await tx.asset.findFirst({ where: { tenantId, OR: [{ id: ref }, { code: ref }] }, select: detailSelect });
  if (!row) throw notFound("Asset not found");
  return row;
}

export interface AssetDetailOptions {
  /** readings per meter for the charts (0 = latest only) */
  readings?: number;
  /** how many open and how many past work orders */
  workOrders?: number;
  /** how many recent downtime periods */
  downtime?: number;
}

/**
 * An asset (by id or code) with what a technician needs on one screen: where it sits in both trees, its
 * children, meters with their latest readings, open and recent work orders, downtime and cost to date.
 */
export async function getAsset(access: Access, ref: string, opts: AssetDetailOptions = {}) {
  requireRight(access, "assets", "view");
  const tenantId = access.tenantId;
  const seeWorkOrders = access.permissions.has("workorders:view");
  return withTenant(tenantId, access.userId, async (tx) => {
    const asset = await findAsset(tx, tenantId, ref);
    const path = await ancestors(tx, tenantId, "Asset", asset.id);
    const locationPath = asset.location ? [...(await ancestors(tx, tenantId, "Location", asset.location.id)), asset.location] : [];
    const meters = await assetMeters(tx, tenantId, asset.id, opts.readings ?? 0);
    const downtime = await assetDowntime(tx, tenantId, asset.id, opts.downtime ?? 10);
    // Work orders and their cost belong to the work-orders module: shown only to those who may see it.
    const workOrders = seeWorkOrders
      ? {
          open: await assetWorkOrders(tx, tenantId, asset.id, "open", opts.workOrders ?? 20),
          past: await assetWorkOrders(tx, tenantId, asset.id, "closed", opts.workOrders ?? 20),
        }
      : null;
    const cost = seeWorkOrders ? await assetCost(tx, tenantId, asset.id) : null;
    return { ...asset, path, locationPath, meters, downtime, workOrders, cost };
  });
}
export type AssetDetail = Awaited<ReturnType<typeof getAsset>>;

/** Cap for the tree view of one location; beyond it the page points to search. */
const TREE_LIMIT = 500;

/**
 * The assets placed exactly at one location, nested by parent (an asset whose parent sits elsewhere is a
 * root here), for the tree navigation. `truncated` says the location has more than TREE_LIMIT assets.
 */
export async function assetTreeAt(access: Access, locationId: string) {
  requireRight(access, "assets", "view");
  const tenantId = access.tenantId;
  const rows = await withTenant(tenantId, access.userId, async (tx) => {
    const location = await tx.location.findFirst({ where: { id: locationId, tenantId }, select: { id: true } });
    if (!location) throw notFound("Location not found");
    return tx.asset.findMany({
      where: { tenantId, locationId: location.id },
      select: { id: true, code: true, name: true, status: true, criticality: true, parentId: true },
      orderBy: [{ code: "asc" }, { id: "asc" }],
      take: TREE_LIMIT + 1,
    });
  });
  type Node = (typeof rows)[number] & { children: Node[] };
  const nodes = new Map<string, Node>(rows.slice(0, TREE_LIMIT).map((r) => [r.id, { ...r, children: [] }]));
  const roots: Node[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { roots, truncated: rows.length > TREE_LIMIT };
}
export type AssetTreeNode = Awaited<ReturnType<typeof assetTreeAt>>["roots"][number];

/** Distinct categories in use, for filters and the form's suggestions. */
export async function listAssetCategories(access: Access): Promise<string[]> {
  requireRight(access, "assets", "view");
  const rows = await withTenant(access.tenantId, access.userId, (tx) =>
    tx.asset.findMany({
      where: { tenantId: access.tenantId, category: { not: null } },
      select: { category: true },
      distinct: ["category"],
      orderBy: { category: "asc" },
      take: 500,
    }),
  );
  return rows.map((r) => r.category!).filter(Boolean);
}

/** Compact choices for pickers (parent asset, request form): id, code, name and location, by code. */
export async function listAssetChoices(access: Access, opts: { limit?: number } = {}) {
  requireRight(access, "assets", "view");
  return withTenant(access.tenantId, access.userId, (tx) =>
    tx.asset.findMany({
      where: { tenantId: access.tenantId, status: { not: "retired" } },
      select: { id: true, code: true, name: true, locationId: true, parentId: true },
      orderBy: [{ code: "asc" }, { id: "asc" }],
      take: Math.min(Math.max(opts.limit ?? 1000, 1), 2000),
    }),
  );
}
