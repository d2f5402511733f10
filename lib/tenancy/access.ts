// Access: who is acting, in which tenant, with which effective rights. The first argument of every
// lib/data call, built by the tenant gate (browser), the MCP endpoint or the REST API.
import type { Action, Module, Permissions } from "./permissions";

export type Access = {
  tenantId: string;
  userId: string | null;
  consumerId: string | null;
  permissions: Permissions;
};

export function can(access: Access, module: Module, action: Action): boolean {
  return access.permissions.has(`${module}:${action}`);
}
