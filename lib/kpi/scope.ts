import "server-only";
// Which assets and work orders a KPI counts. The scope is the assets matching every filter: the asset (and,
// by default, the assets under it), the category, the location (and the locations under it). Work orders
// count when their asset is in scope; with a location filter alone, also work orders recorded at such a
// location without an asset. With no filter every predicate is TRUE, so unfiltered queries stay plain
// range scans on the tenant's indexes.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import { notFound } from "@/lib/errors";
import type { KpiQuery } from "@/lib/validation/kpi";

const { sql, join, raw } = Prisma;

export interface Scope {
  tenantId: string;
  filtered: boolean;
  /** `WITH RECURSIVE …` defining scope_assets (id, parentId, status) and the trees it is built from */
  with: Prisma.Sql;
  /** predicate on an asset id column, e.g. d."assetId" */
  asset(column: string): Prisma.Sql;
  /** predicate on a work order alias, e.g. w */
  workOrder(alias: string): Prisma.Sql;
  /** the same predicate on a KpiCostDaily alias, whose keys hold "" where the work order had no asset / location */
  rollup(alias: string): Prisma.Sql;
}

export type ScopeFilters = Pick<KpiQuery, "assetId" | "includeDescendants" | "category" | "locationId">;

/** Filter ids from another tenant (or none at all) are "not found", never an empty result. */
export async function checkFilterIds(tx: Tx, tenantId: string, f: ScopeFilters): Promise<void> {
  if (f.assetId && !(await tx.asset.findFirst({ where: { id: f.assetId, tenantId }, select: { id: true } }))) {
    throw notFound("Asset not found");
  }
  if (f.locationId && !(await tx.location.findFirst({ where: { id: f.locationId, tenantId }, select: { id: true } }))) {
    throw notFound("Location not found");
  }
}

export function buildScope(tenantId: string, f: ScopeFilters): Scope {
  const ctes: Prisma.Sql[] = [];
  const conditions: Prisma.Sql[] = [sql`a."tenantId" = ${tenantId}`];
  if (f.assetId) {
    ctes.push(
      f.includeDescendants === false
        ? sql`asset_tree AS (SELECT id FROM "Asset" WHERE "tenantId" = ${tenantId} AND id = ${f.assetId})`
        : sql`asset_tree AS (
            SELECT id FROM "Asset" WHERE "tenantId" = ${tenantId} AND id = ${f.assetId}
            UNION
            SELECT c.id FROM "Asset" c JOIN asset_tree p ON c."parentId" = p.id WHERE c."tenantId" = ${tenantId})`,
    );
    conditions.push(sql`a.id IN (SELECT id FROM asset_tree)`);
  }
  if (f.locationId) {
    ctes.push(sql`location_tree AS (
      SELECT id FROM "Location" WHERE "tenantId" = ${tenantId} AND id = ${f.locationId}
      UNION
      SELECT c.id FROM "Location" c JOIN location_tree p ON c."parentId" = p.id WHERE c."tenantId" = ${tenantId})`);
    conditions.push(sql`a."locationId" IN (SELECT id FROM location_tree)`);
  }
  if (f.category) conditions.push(sql`a.category = ${f.category}`);
  ctes.push(sql`scope_assets AS (SELECT a.id, a."parentId", a.status FROM "Asset" a WHERE ${join(conditions, " AND ")})`);

  const filtered = Boolean(f.assetId || f.locationId || f.category);
  const assetOnly = Boolean(f.assetId || f.category);
  return {
    tenantId,
    filtered,
    with: sql`WITH RECURSIVE ${join(ctes, ", ")}`,
    asset: (column) => (filtered ? sql`${raw(column)} IN (SELECT id FROM scope_assets)` : sql`TRUE`),
    workOrder: (alias) => {
      if (!filtered) return sql`TRUE`;
      const onAsset = sql`${raw(`${alias}."assetId"`)} IN (SELECT id FROM scope_assets)`;
      if (assetOnly) return onAsset;
      return sql`(${onAsset} OR (${raw(`${alias}."assetId"`)} IS NULL AND ${raw(`${alias}."locationId"`)} IN (SELECT id FROM location_tree)))`;
    },
    rollup: (alias) => {
      if (!filtered) return sql`TRUE`;
      const onAsset = sql`${raw(`${alias}."assetId"`)} IN (SELECT id FROM scope_assets)`;
      if (assetOnly) return onAsset;
      return sql`(${onAsset} OR (${raw(`${alias}."assetId"`)} = '' AND ${raw(`${alias}."locationId"`)} IN (SELECT id FROM location_tree)))`;
    },
  };
}
