import "server-only";
// Creating, editing and moving assets. Every referenced id (parent, location) is looked up inside the
// tenant's transaction, so another tenant's id is "not found"; every write leaves an audit row.
import type { Prisma } from "@/lib/generated/prisma/client";
import { withTenant, type Tx } from "@/lib/db/tenant";
import { AppError, notFound } from "@/lib/errors";
import type { Access } from "@/lib/tenancy/access";
import { toDate } from "@/lib/validation/asset-fields";
import {
  assetCreateSchema,
  assetMoveSchema,
  assetUpdateSchema,
  type AssetCreateInput,
  type AssetMoveInput,
  type AssetUpdateInput,
} from "@/lib/validation/asset";
import { audit } from "./audit";
import { assertNoCycle, isUniqueViolation, lockTree, parseInput, requireRight } from "./assets-shared";

const written = {
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
  parentId: true,
  locationId: true,
} as const satisfies Prisma.AssetSelect;

export type WrittenAsset = Prisma.AssetGetPayload<{ select: typeof written }>;

const snapshot = (a: WrittenAsset) => ({ ...a, inService: a.inService?.toISOString() ?? null });

async function requireAsset(tx: Tx, tenantId: string, id: string, what = "Asset not found") {
  const row = await tx.asset.findFirst({ where: { id, tenantId }, select: written });
  if (!row) throw notFound(what);
  return row;
}

async function requireLocation(tx: Tx, tenantId: string, id: string) {
  const row = await tx.location.findFirst({ where: { id, tenantId }, select: { id: true } });
  if (!row) throw notFound("Location not found");
}

async function requireFreeCode(tx: Tx, tenantId: string, code: string, exceptId?: string) {
  const clash = await tx.asset.findFirst({ where: { tenantId, code, id: exceptId ? { not: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new AppError("conflict", `An asset with code ${code} already exists`);
}

/** Runs a write; a unique-code race that slipped past the pre-check still reads as a conflict. */
async function guarded<T>(code: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", `An asset with code ${code ?? ""} already exists`);
    throw e;
  }
}

export async function createAsset(access: Access, input: AssetCreateInput): Promise<WrittenAsset> {
  requireRight(access, "assets", "create");
  const data = parseInput(assetCreateSchema, input);
  const tenantId = access.tenantId;
  return guarded(data.code, () =>
    withTenant(tenantId, access.userId, async (tx) => {
      await requireFreeCode(tx, tenantId, data.code);
      const parent = data.parentId ? await requireAsset(tx, tenantId, data.parentId, "Parent asset not found") : null;
      if (data.locationId) await requireLocation(tx, tenantId, data.locationId);
      const asset = await tx.asset.create({
        data: {
          tenantId,
          code: data.code,
          name: data.name,
          category: data.category ?? null,
          manufacturer: data.manufacturer ?? null,
          model: data.model ?? null,
          serial: data.serial ?? null,
          criticality: data.criticality ?? 3,
          status: data.status ?? "operational",
          inService: toDate(data.inService) ?? null,
          parentId: parent?.id ?? null,
          // A sub-asset sits where its parent sits unless told otherwise.
          locationId: data.locationId ?? parent?.locationId ?? null,
        },
        select: written,
      });
      await audit(tx, access, { action: "asset.create", entity: "Asset", entityId: asset.id, after: snapshot(asset) });
      return asset;
    }),
  );
}

/** Edits an asset's fields (not its parent: see moveAsset). Absent fields stay as they are. */
export async function updateAsset(access: Access, input: AssetUpdateInput): Promise<WrittenAsset> {
  requireRight(access, "assets", "edit");
  const { id, ...data } = parseInput(assetUpdateSchema, input);
  const tenantId = access.tenantId;
  return guarded(data.code, () =>
    withTenant(tenantId, access.userId, async (tx) => {
      const before = await requireAsset(tx, tenantId, id);
      if (data.code && data.code !== before.code) await requireFreeCode(tx, tenantId, data.code, id);
      if (data.locationId) await requireLocation(tx, tenantId, data.locationId);
      const changes: Prisma.AssetUncheckedUpdateInput = {
        code: data.code,
        name: data.name,
        category: data.category,
        manufacturer: data.manufacturer,
        model: data.model,
        serial: data.serial,
        criticality: data.criticality,
        status: data.status,
        inService: toDate(data.inService),
        locationId: data.locationId,
      };
      const after = await tx.asset.update({ where: { id: before.id, tenantId }, data: changes, select: written });
      await audit(tx, access, { action: "asset.update", entity: "Asset", entityId: id, before: snapshot(before), after: snapshot(after) });
      return after;
    }),
  );
}

/**
 * Moves an asset under another parent (or to the top level) and/or to another location. Refused when the
 * new parent is the asset itself or one of its descendants: the tree would become a loop.
 */
export async function moveAsset(access: Access, input: AssetMoveInput): Promise<WrittenAsset> {
  requireRight(access, "assets", "edit");
  const data = parseInput(assetMoveSchema, input);
  const tenantId = access.tenantId;
  return withTenant(tenantId, access.userId, async (tx) => {
    await lockTree(tx, tenantId, "Asset");
    const before = await requireAsset(tx, tenantId, data.id);
    if (data.parentId) await requireAsset(tx, tenantId, data.parentId, "Parent asset not found");
    if (data.locationId) await requireLocation(tx, tenantId, data.locationId);
    if (data.parentId !== undefined) await assertNoCycle(tx, tenantId, "Asset", before.id, data.parentId);
    const after = await tx.asset.update({
      where: { id: before.id, tenantId },
      data: { parentId: data.parentId, locationId: data.locationId },
      select: written,
    });
    await audit(tx, access, {
      action: "asset.move",
      entity: "Asset",
      entityId: before.id,
      before: { parentId: before.parentId, locationId: before.locationId },
      after: { parentId: after.parentId, locationId: after.locationId },
    });
    return after;
  });
}
