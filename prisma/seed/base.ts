// Tenant row, built-in roles, the "AI connectors" permission group, business calendar and memberships.
import { BUILT_IN_ROLES, SCOPE_MODULES } from "../../lib/tenancy/permissions";
import type { TenantCtx } from "./context";
import { DAY, iso, type Row } from "./db";

/** Tenant rows are not tenant-owned (no RLS); the settings point at the group created just after. */
export function tenantRow(ctx: TenantCtx): Row {
  const aiGroupId = ctx.rid("group", "ai-connectors");
  return {
    id: ctx.id,
    slug: ctx.slug,
    name: ctx.def.name,
    timezone: ctx.def.timezone,
    locale: ctx.def.locale,
    currency: ctx.def.currency,
    settings: ctx.def.settings(aiGroupId),
    createdAt: iso(ctx.created),
    updatedAt: iso(ctx.created),
  };
}

export function seedAccess(ctx: TenantCtx): void {
  const at = iso(ctx.created);
  const roles: Row[] = Object.entries(BUILT_IN_ROLES).map(([key, role]) => {
    const id = ctx.rid("role", key);
    ctx.roles.set(key, id);
    return { id, tenantId: ctx.id, name: role.name, builtIn: key, permissions: role.permissions, createdAt: at, updatedAt: at };
  });
  ctx.w.insert("Role", roles);

  // The ceiling for self-registered (DCR / CIMD) clients: read + write on every scope module (metrics is
  // read-only), no delete.
  ctx.aiGroupId = ctx.rid("group", "ai-connectors");
  const permissions = Object.fromEntries(
    SCOPE_MODULES.map((m) => [m, m === "metrics" ? ["view"] : ["view", "create", "edit"]]),
  );
  ctx.w.insert("PermissionGroup", [
    { id: ctx.aiGroupId, tenantId: ctx.id, name: "AI connectors", permissions, createdAt: at, updatedAt: at },
  ]);

  ctx.w.insert(
    "Membership",
    ctx.members.map((m) => ({
      id: ctx.rid("member", m.id.replace(/^user-/, ""), 0),
      tenantId: ctx.id,
      userId: m.id,
      roleId: ctx.roles.get(m.role)!,
      active: true,
      createdAt: at,
      updatedAt: at,
    })),
  );

  const calendarId = ctx.rid("calendar", "main");
  ctx.w.insert("BusinessCalendar", [
    {
      id: calendarId,
      tenantId: ctx.id,
      workingDays: [1, 2, 3, 4, 5],
      dayStart: "08:00",
      dayEnd: "17:00",
      crewSize: ctx.def.crewSize,
      createdAt: at,
      updatedAt: at,
    },
  ]);
  // Recurring holidays once; one-off holidays for both years the history touches.
  const year = new Date(ctx.anchor).getUTCFullYear();
  const holidays = [...ctx.def.holidays(year - 1).filter((h) => !h.recurring), ...ctx.def.holidays(year)];
  ctx.w.insert(
    "Holiday",
    holidays.map((h, i) => ({
      id: ctx.rid("holiday", i + 1, 2),
      tenantId: ctx.id,
      calendarId,
      date: h.date,
      name: h.name,
      recurring: h.recurring,
      createdAt: at,
    })),
  );
}

/** The sequences the app continues from: the next work order is WO-(max + 1). */
export function seedCounters(ctx: TenantCtx, workOrders: number, requests: number): void {
  ctx.w.insert("TenantCounter", [
    { tenantId: ctx.id, name: "workorder", value: workOrders },
    { tenantId: ctx.id, name: "request", value: requests },
  ]);
}

/** A handful of "Transactions log" rows so the page is not empty. */
export function seedAudit(ctx: TenantCtx, lastWorkOrder: { id: string; code: string } | null): void {
  const admin = ctx.admins[0];
  const tech = ctx.workers[0] ?? admin;
  const t = (daysAgo: number, hour: number) => iso(ctx.anchor - daysAgo * DAY + hour * 3_600_000);
  const rows: Row[] = [
    { actorType: "user", userId: admin.id, action: "user.login", at: t(6, 8.1), ip: "10.20.1.15" },
    { actorType: "user", userId: admin.id, action: "role.update", entity: "Role", entityId: ctx.roles.get("technician"), before: { inventory: ["view"] }, after: { inventory: ["view", "edit"] }, at: t(6, 8.4), ip: "10.20.1.15" },
    { actorType: "user", userId: admin.id, action: "permissiongroup.create", entity: "PermissionGroup", entityId: ctx.aiGroupId, after: { name: "AI connectors" }, at: t(5, 9.2), ip: "10.20.1.15" },
    { actorType: "user", userId: admin.id, action: "settings.update", entity: "Tenant", entityId: ctx.id, before: { allowSelfRegisteredClients: false }, after: { allowSelfRegisteredClients: Boolean(ctx.def.settings("").allowSelfRegisteredClients) }, at: t(5, 9.3), ip: "10.20.1.15" },
    { actorType: "user", userId: tech.id, action: "user.login", at: t(2, 7.6), ip: "10.20.4.31" },
    { actorType: "system", action: "pm.schedule", entity: "PmOccurrence", after: { created: ctx.plans.length }, at: t(1, 2) },
  ];
  if (lastWorkOrder) {
    rows.push(
      { actorType: "user", userId: tech.id, action: "workorder.create", entity: "WorkOrder", entityId: lastWorkOrder.id, after: { code: lastWorkOrder.code }, at: t(1, 10.5), ip: "10.20.4.31" },
      { actorType: "user", userId: admin.id, action: "workorder.assign", entity: "WorkOrder", entityId: lastWorkOrder.id, before: { assignees: [] }, after: { assignees: [tech.email] }, at: t(1, 10.6), ip: "10.20.1.15" },
    );
  }
  ctx.w.insert(
    "AuditLog",
    rows.map((r, i) => ({ id: ctx.rid("audit", i + 1, 3), tenantId: ctx.id, ...r })),
  );
}
