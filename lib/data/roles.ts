import "server-only";
import { withTenant } from "@/lib/db/tenant";

export async function getRole(tenantId: string, roleId: string) {
  return withTenant(tenantId, null, (tx) =>
    tx.role.findFirst({
      where: { id: roleId, tenantId },
      select: { id: true, name: true, builtIn: true, permissions: true },
    }),
  );
}
