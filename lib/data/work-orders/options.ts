import "server-only";
// The choices work order forms and tools offer: who can be assigned, which assets and locations, and which
// parts are in stock where. Small per tenant (tens to hundreds of rows). A page gets all it needs in one
// transaction, so it holds one pooled connection rather than several.
import { withTenant, type Tx } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";
import { toPermissions } from "@/lib/tenancy/permissions";
import { requireRight } from "./shared";

async function assignable(tx: Tx, access: Access) {
  const rows = await tx.membership.findMany({
    where: { tenantId: access.tenantId, active: true, user: { active: true } },
    select: { user: { select: { id: true, name: true, email: true } }, role: { select: { name: true, permissions: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows
    .filter((m) => toPermissions(m.role.permissions).has("workorders:edit"))
    .map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, role: m.role.name }));
}

/** Assets (not retired) and locations, ordered by code (codes encode the tree: L1, L1-PRS-01, …). */
async function places(tx: Tx, access: Access) {
  const assets = await tx.asset.findMany({
    where: { tenantId: access.tenantId, status: { not: "retired" } },
    select: { id: true, code: true, name: true, locationId: true },
    orderBy: { code: "asc" },
  });
  const locations = await tx.location.findMany({
    where: { tenantId: access.tenantId },
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
  });
  return { assets, locations };
}

/** Each part × warehouse with something on the shelf: what can be issued to a work order. */
async function issuable(tx: Tx, access: Access) {
  const rows = await tx.stock.findMany({
    where: { tenantId: access.tenantId, quantity: { gt: 0 } },
    select: {
      quantity: true,
      part: { select: { id: true, code: true, name: true, unit: true } },
      warehouse: { select: { id: true, code: true, name: true } },
    },
    orderBy: [{ part: { code: "asc" } }, { warehouse: { code: "asc" } }],
  });
  return rows.map((s) => ({ part: s.part, warehouse: s.warehouse, quantity: s.quantity }));
}

/** Active members whose role works on work orders (the only people assignWorkOrder accepts). */
export async function listAssignableUsers(access: Access) {
  requireRight(access, "view");
  return withTenant(access.tenantId, access.userId, (tx) => assignable(tx, access));
}

/** Everything a work order form or filter bar offers; `stock` (for editors) adds the issuable stock. */
export async function listWorkOrderOptions(access: Access, opts: { places?: boolean; stock?: boolean } = {}) {
  requireRight(access, opts.stock ? "edit" : "view");
  return withTenant(access.tenantId, access.userId, async (tx) => ({
    people: await assignable(tx, access),
    ...(opts.places === false ? { assets: [], locations: [] } : await places(tx, access)),
    stock: opts.stock ? await issuable(tx, access) : [],
  }));
}
