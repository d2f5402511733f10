import "server-only";
// Audit rows the MCP layer writes on its own: a denied call (no data was touched, so there is no other
// transaction to join) and the "who called which tool" record of a successful write tool. The domain
// data function has already committed its change and its own audit row by then; this row adds the
// consumer and the tool.
import { withTenant } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";
import { audit, type AuditEntry } from "./audit";

export async function recordMcpAudit(access: Access, entry: AuditEntry): Promise<void> {
  await withTenant(access.tenantId, access.userId, (tx) => audit(tx, access, entry));
}
