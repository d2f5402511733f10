import "server-only";
// The "Transactions log". Writers pass the transaction they changed data in, so the audit row commits or
// rolls back with the change it describes.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/tenant";
import type { Access } from "@/lib/tenancy/access";

export interface AuditEntry {
  action: string;
  entity?: string;
  entityId?: string;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ip?: string | null;
}

export async function audit(tx: Tx, access: Pick<Access, "tenantId" | "userId" | "consumerId">, entry: AuditEntry) {
  await tx.auditLog.create({
    data: {
      tenantId: access.tenantId,
      actorType: access.consumerId ? "consumer" : access.userId ? "user" : "system",
      userId: access.userId,
      consumerId: access.consumerId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
      ip: entry.ip ?? null,
    },
  });
}
