// Token → caller, the check the MCP endpoint runs on every request, against the real database with tokens
// from the real token endpoint code: effective = ceiling ∩ role ∩ scopes for every kind of consumer, from
// current rows (a role downgrade, a group edit, a revocation or a disabled tenant setting apply on the very
// next call), the RFC 8707 audience check, and agreement with lib/oauth/verify.ts's own computation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { withTenant } from "@/lib/db/tenant";
import { sha256 } from "@/lib/oauth/tokens";
import { authenticateAccessToken, tokenPermissions } from "@/lib/oauth/verify";
import { accessFromToken, type Caller } from "@/lib/tenancy/token-access";
import {
  clientCredentialsToken,
  connect,
  newConsumer,
  newDcrClient,
  newGroup,
  newUser,
  ownerQuery,
  setGroup,
  setRole,
  tenant,
  tokenForOtherResource,
  type Tenant,
} from "./mcp-fixtures";

let acme: Tenant;

beforeAll(async () => {
  acme = await tenant("acme");
});

afterAll(async () => {
  await (await db()).$disconnect();
});

async function caller(token: string): Promise<Caller> {
  const check = await accessFromToken(token);
  if (!check.ok) throw new Error(`token rejected: ${check.reason}`);
  return check.caller;
}

const rights = async (token: string) => [...(await caller(token)).access.permissions].sort();

/** The same answer as the OAuth engineer's own (multi-query) computation, for every case below. */
async function agreesWithVerify(token: string) {
  const context = await authenticateAccessToken(token);
  expect([...(await tokenPermissions(context!))].sort()).toEqual(await rights(token));
}

const WO_RW = ["workorders:read", "workorders:write"];

describe("accessFromToken", () => {
  it("tenant consumer: group ∩ role ∩ scopes, with the caller's names", async () => {
    const user = await newUser(acme, "technician");
    const consumer = await newConsumer(acme);
    const token = await connect(acme, user.id, consumer, [...WO_RW, "assets:read"]);
    const c = await caller(token);
    expect(c.access).toMatchObject({ tenantId: acme.id, userId: user.id, consumerId: consumer.id });
    expect(c.tenant).toEqual({ id: acme.id, slug: "acme", name: "Acme Manufacturing" });
    expect(c.user).toEqual({ id: user.id, name: "MCP technician", email: user.email });
    expect(c.consumer?.id).toBe(consumer.id);
    expect(c.scopes.sort()).toEqual(["assets:read", ...WO_RW]);
    // AI connectors has no delete; Technician has no assets delete either; the scopes stop at these modules.
    expect(await rights(token)).toEqual(["assets:view", "workorders:create", "workorders:edit", "workorders:view"]);
    await agreesWithVerify(token);
  });

  it("a group without work order write caps even an administrator", async () => {
    const admin = await newUser(acme, "administrator");
    const groupId = await newGroup(acme, { workorders: ["view", "create", "edit"], assets: ["view"] });
    const token = await connect(acme, admin.id, await newConsumer(acme, { groupId }), [...WO_RW, "assets:read"]);
    expect(await rights(token)).toContain("workorders:create");
    // The tenant admin narrows the group: the next call of the same token carries no write.
    await setGroup(groupId, { workorders: ["view"], assets: ["view"] });
    expect(await rights(token)).toEqual(["assets:view", "workorders:view"]);
    await agreesWithVerify(token);
  });

  it("a role downgrade applies to the next call", async () => {
    const user = await newUser(acme, "administrator");
    const token = await connect(acme, user.id, await newConsumer(acme), WO_RW);
    expect(await rights(token)).toEqual(["workorders:create", "workorders:edit", "workorders:view"]);
    await setRole(acme, user.id, "read_only");
    expect(await rights(token)).toEqual(["workorders:view"]);
    await agreesWithVerify(token);
  });

  it("dynamic permissions: the set picked at consent is the ceiling", async () => {
    const user = await newUser(acme, "administrator");
    const token = await connect(acme, user.id, await newConsumer(acme, { dynamic: true }), ["workorders:read", "metrics:read"]);
    expect(await rights(token)).toEqual(["metrics:view", "workorders:view"]);
    await agreesWithVerify(token);
  });

  it("self-registered (DCR) client: the tenant's AI connectors group, only while the tenant allows them", async () => {
    const user = await newUser(acme, "technician");
    const token = await connect(acme, user.id, await newDcrClient(), [...WO_RW, "requests:write"]);
    expect(await rights(token)).toEqual(["requests:create", "requests:edit", "workorders:create", "workorders:edit", "workorders:view"]);
    await agreesWithVerify(token);
    const [{ settings }] = await ownerQuery<{ settings: object }>(`SELECT settings FROM "Tenant" WHERE id = $1`, [acme.id]);
    await ownerQuery(`UPDATE "Tenant" SET settings = settings || '{"allowSelfRegisteredClients": false}' WHERE id = $1`, [acme.id]);
    try {
      expect(await accessFromToken(token)).toEqual({ ok: false, reason: "invalid" });
    } finally {
      await ownerQuery(`UPDATE "Tenant" SET settings = $2 WHERE id = $1`, [acme.id, JSON.stringify(settings)]);
    }
  });

  it("client credentials: group ∩ scopes, no user", async () => {
    const consumer = await newConsumer(acme, { clientCredentials: true });
    const token = await clientCredentialsToken(consumer, ["metrics:read", "workorders:read"]);
    const c = await caller(token);
    expect(c.user).toBeNull();
    expect(c.access.userId).toBeNull();
    expect(await rights(token)).toEqual(["metrics:view", "workorders:view"]);
    await agreesWithVerify(token);
  });

  it("rejects a token minted for another resource, and revoked or disabled grants on the next call", async () => {
    const user = await newUser(acme, "technician");
    const consumer = await newConsumer(acme);
    expect(await accessFromToken(await tokenForOtherResource(acme, user.id, consumer, WO_RW))).toEqual({ ok: false, reason: "audience" });

    const token = await connect(acme, user.id, consumer, WO_RW);
    expect((await accessFromToken(token)).ok).toBe(true);
    await ownerQuery(`UPDATE "Authorization" SET "revokedAt" = now() WHERE "userId" = $1`, [user.id]);
    expect(await accessFromToken(token)).toEqual({ ok: false, reason: "invalid" });

    const other = await newUser(acme, "technician");
    const token2 = await connect(acme, other.id, consumer, WO_RW);
    await ownerQuery(`UPDATE "OAuthConsumer" SET disabled = true WHERE id = $1`, [consumer.id]);
    expect(await accessFromToken(token2)).toEqual({ ok: false, reason: "invalid" });
    expect(await accessFromToken("fettle_at_not-a-token")).toEqual({ ok: false, reason: "invalid" });
  });

  it("is one statement that leaves a surrounding transaction's tenant as it was", async () => {
    const user = await newUser(acme, "technician");
    const token = await connect(acme, user.id, await newConsumer(acme), WO_RW);
    const globex = await tenant("globex");
    // Called inside another tenant's transaction (nothing in the app does), the check must not switch it.
    const seen = await withTenant(globex.id, null, async (tx) => {
      const [row] = await tx.$queryRaw<{ tenantId: string }[]>`SELECT "tenantId" FROM app_access_token(${sha256(token)})`;
      const [after] = await tx.$queryRaw<{ tenant: string; lookup: string }[]>`
        SELECT current_setting('app.tenant_id') AS tenant, current_setting('app.lookup') AS lookup`;
      const tenants = await tx.$queryRaw<{ tenantId: string }[]>`SELECT DISTINCT "tenantId" FROM "WorkOrder"`;
      return { row, after, tenants: tenants.map((t) => t.tenantId) };
    });
    expect(seen.row.tenantId).toBe(acme.id);
    expect(seen.after).toEqual({ tenant: globex.id, lookup: "" });
    expect(seen.tenants).toEqual([globex.id]);
    // Outside any transaction the settings end with the statement.
    const client = await db();
    await client.$queryRaw`SELECT * FROM app_access_token(${sha256(token)})`;
    expect(await client.$queryRaw`SELECT current_setting('app.tenant_id', true) AS tenant`).toEqual([{ tenant: "" }]);
  });

  it("costs little per request (measured)", async () => {
    const user = await newUser(acme, "technician");
    const token = await connect(acme, user.id, await newConsumer(acme), WO_RW);
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await accessFromToken(token);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`accessFromToken: median ${times[25].toFixed(2)} ms, p90 ${times[45].toFixed(2)} ms over 50 calls`);
    expect(times[25]).toBeLessThan(250);
  });
});
