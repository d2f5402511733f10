// Creates and changes tenant consumers for the end-to-end tests through lib/data/consumers.ts — the same
// functions the admin screens use — run as a separate process against the end-to-end database:
//   tsx --conditions react-server e2e/oauth/consumers.ts '<json ops>'
// Prints the results as JSON. (`react-server` makes the `server-only` guard a no-op outside Next.)
import { createConsumer, deleteConsumer, rotateConsumerSecret, setConsumerDisabled } from "@/lib/data/consumers";
import { db } from "@/lib/db/client";
import { openSql } from "@/lib/db/sql";
import { BUILT_IN_ROLES, toPermissions } from "@/lib/tenancy/permissions";
import type { Access } from "@/lib/tenancy";

export type ConsumerOp =
  | { op: "create"; tenant: string; name: string; confidential: boolean; redirectUris: string[]; group?: string; dynamic?: boolean; clientCredentials?: boolean }
  /** `id`, or `ref`: the index of an earlier "create" in the same call */
  | { op: "disable" | "enable" | "delete" | "rotate"; tenant: string; id?: string; ref?: number };

const ops = JSON.parse(process.argv[2] ?? "[]") as ConsumerOp[];
const sql = await openSql();
async function accessFor(slug: string): Promise<Access> {
  const [row] = await sql.query<{ tenantId: string; userId: string }>(
    `SELECT m."tenantId", m."userId" FROM "Membership" m JOIN "Tenant" t ON t.id = m."tenantId" JOIN "Role" r ON r.id = m."roleId"
      WHERE t.slug = $1 AND r."builtIn" = 'administrator' AND m.active ORDER BY m."userId" LIMIT 1`,
    [slug],
  );
  return { tenantId: row.tenantId, userId: row.userId, consumerId: null, permissions: toPermissions(BUILT_IN_ROLES.administrator.permissions) };
}

const results: { id?: string; clientId?: string; clientSecret?: string | null }[] = [];
try {
  for (const op of ops) {
    const access = await accessFor(op.tenant);
    if (op.op === "create") {
      const [group] = op.group
        ? await sql.query<{ id: string }>(`SELECT id FROM "PermissionGroup" WHERE "tenantId" = $1 AND name = $2`, [access.tenantId, op.group])
        : [];
      const { consumer, clientSecret } = await createConsumer(access, {
        name: op.name,
        confidential: op.confidential,
        redirectUris: op.redirectUris,
        permissionGroupId: group?.id,
        dynamicPermissions: op.dynamic ?? false,
        clientCredentials: op.clientCredentials ?? false,
      });
      results.push({ id: consumer.id, clientId: consumer.clientId, clientSecret });
      continue;
    }
    const id = op.id ?? results[op.ref ?? -1]?.id ?? "";
    if (op.op === "rotate") results.push(await rotateConsumerSecret(access, id));
    else if (op.op === "delete") await deleteConsumer(access, id);
    else await setConsumerDisabled(access, id, op.op === "disable");
    if (op.op !== "rotate") results.push({});
  }
  process.stdout.write(JSON.stringify(results));
} finally {
  await sql.close();
  await (await db()).$disconnect();
}
