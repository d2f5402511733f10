// The MCP endpoint's HTTP contract (ARCHITECTURE.md §5) over real HTTP against `next start`: protected
// resource metadata, 401/403 challenges, Origin and body checks, rights computed from current rows on every
// call (revocation, role downgrade, a consumer group without write), and isolation of concurrent callers.
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SCOPES } from "@/lib/oauth/scopes";
import { createUser, ownerExec, tenantIdOf } from "./oauth/fixtures";
import { BASE, consumerOps, HAS_DB, NEEDS_DB, REDIRECT, RESOURCE, tokenCall } from "./oauth/helpers";
import { callTool, connectorTokens, mcpPost } from "./mcp/http";

const METADATA = `${BASE}/.well-known/oauth-protected-resource/api/mcp`;
const PING = { jsonrpc: "2.0", id: 1, method: "ping" };
const WO = "workorders:read workorders:write";

function expectChallenge(res: { status: number; headers: Headers }, status: 401 | 403, scope?: string) {
  expect(res.status).toBe(status);
  const challenge = res.headers.get("www-authenticate") ?? "";
  expect(challenge).toMatch(/^Bearer /);
  expect(challenge).toContain(`resource_metadata="${METADATA}"`);
  expect(challenge).toContain(status === 401 ? 'error="invalid_token"' : 'error="insufficient_scope"');
  if (scope) expect(challenge).toContain(`scope="${scope}"`);
}

test("protected resource metadata, at the path-aware and the root location, readable cross-origin", async () => {
  for (const url of [METADATA, `${BASE}/.well-known/oauth-protected-resource`]) {
    const res = await fetch(url, { headers: { origin: "https://inspector.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toEqual({
      resource: RESOURCE,
      authorization_servers: [BASE],
      scopes_supported: [...SCOPES],
      bearer_methods_supported: ["header"],
      resource_name: "Fettle",
    });
    const preflight = await fetch(url, { method: "OPTIONS", headers: { origin: "https://inspector.example", "access-control-request-method": "GET" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toContain("GET");
  }
  // The document names our own authorization server, whose metadata is where clients go next.
  expect((await (await fetch(`${BASE}/.well-known/oauth-authorization-server`)).json()).issuer).toBe(BASE);
});

test.describe("with connector tokens", () => {
  test.skip(!HAS_DB, NEEDS_DB);
  // Several browser sign-ins per test: room for a loaded CI machine.
  test.describe.configure({ timeout: 90_000 });
  let acmeId: string;
  let consumer: { id: string; clientId: string; clientSecret: string | null };

  test.beforeAll(async () => {
    acmeId = await tenantIdOf("acme");
    [consumer] = await consumerOps([{ op: "create", tenant: "acme", name: "E2E MCP connector", confidential: true, redirectUris: [REDIRECT], group: "AI connectors" }]);
  });
  const newUser = (role: string) => createUser([{ tenantId: acmeId, role }]);

  test("401 for a missing, unknown, expired, wrong-audience or revoked token, with metadata and scopes", async ({ browser }) => {
    const all = [...SCOPES].sort().join(" ");
    expectChallenge(await mcpPost(null, PING), 401, all);
    expectChallenge(await mcpPost(`fettle_at_${randomBytes(32).toString("base64url")}`, PING), 401, all);

    const user = await newUser("technician");
    const expiring = await connectorTokens(browser, user.email, consumer, WO);
    expect((await mcpPost(expiring.access, PING)).status).toBe(200);
    const hash = (t: string) => createHash("sha256").update(t).digest("hex");
    await ownerExec(`UPDATE "AccessToken" SET "expiresAt" = now() - interval '1 second' WHERE "tokenHash" = $1`, [hash(expiring.access)]);
    expectChallenge(await mcpPost(expiring.access, PING), 401);

    // The same grant, minted for another resource server (RFC 8707): not ours to accept.
    const live = await connectorTokens(browser, user.email, consumer, WO);
    const foreign = `fettle_at_${randomBytes(32).toString("base64url")}`;
    await ownerExec(
      `INSERT INTO "AccessToken" (id, "tenantId", "tokenHash", "consumerId", "authorizationId", "userId", scopes, resource, "expiresAt")
       SELECT $1, "tenantId", $2, "consumerId", "authorizationId", "userId", scopes, 'https://other.example/api/mcp', "expiresAt"
         FROM "AccessToken" WHERE "tokenHash" = $3`,
      [`e2e-at-${randomBytes(4).toString("hex")}`, hash(foreign), hash(live.access)],
    );
    const wrongAudience = await mcpPost(foreign, PING);
    expectChallenge(wrongAudience, 401);
    expect(wrongAudience.body.error_description).toMatch(/not issued for this resource/);

    // RFC 7009 revocation of the refresh token: its access token fails on the very next call.
    expect((await mcpPost(live.access, PING)).status).toBe(200);
    const revoked = await tokenCall({ path: "/api/oauth/revoke", params: { token: live.refresh }, basic: [consumer.clientId, consumer.clientSecret!] });
    expect(revoked.status).toBe(200);
    expectChallenge(await mcpPost(live.access, PING), 401);

    // Revoking the authorization itself (what Settings → API Connections does) ends every token of it.
    const again = await connectorTokens(browser, user.email, consumer, WO);
    expect((await mcpPost(again.access, PING)).status).toBe(200);
    await ownerExec(`UPDATE "Authorization" SET "revokedAt" = now() WHERE "userId" = $1`, [user.id]);
    expectChallenge(await mcpPost(again.access, PING), 401);
  });

  test("403 insufficient_scope naming the scope a tool needs", async ({ browser }) => {
    const user = await newUser("administrator");
    const { access } = await connectorTokens(browser, user.email, consumer, "workorders:read");
    expect((await callTool(access, "search_work_orders", { limit: 1 })).status).toBe(200);
    const res = await callTool(access, "create_work_order", { title: "Needs write" });
    expectChallenge(res, 403, "workorders:write");
    expect(res.body).toMatchObject({ error: "insufficient_scope" });
  });

  test("Origin validation, body limit and malformed JSON-RPC", async ({ browser }) => {
    const user = await newUser("technician");
    const { access } = await connectorTokens(browser, user.email, consumer, WO);
    const evil = await mcpPost(access, PING, { origin: "http://evil.example" });
    expect(evil).toMatchObject({ status: 403, body: { jsonrpc: "2.0", error: { code: -32000 } } });
    expect((await mcpPost(access, PING, { origin: BASE })).status).toBe(200);
    expect((await mcpPost(access, { ...PING, params: { pad: "x".repeat(1_100_000) } })).status).toBe(413);
    const malformed = await mcpPost(access, '{"jsonrpc":"2.0","method":');
    expect(malformed).toMatchObject({ status: 400, body: { jsonrpc: "2.0", error: { code: -32700 } } });
    expect(JSON.stringify(malformed.body)).not.toMatch(/\.(ts|js):\d+/);
  });

  test("a role downgrade applies to the next call", async ({ browser }) => {
    const user = await newUser("technician");
    const { access } = await connectorTokens(browser, user.email, consumer, WO);
    const ok = await callTool(access, "create_work_order", { title: "E2E MCP: before downgrade" });
    expect(ok.body.result.isError, JSON.stringify(ok.body)).toBeFalsy();
    await ownerExec(
      `UPDATE "Membership" SET "roleId" = (SELECT id FROM "Role" WHERE "tenantId" = $1 AND "builtIn" = 'read_only') WHERE "tenantId" = $1 AND "userId" = $2`,
      [acmeId, user.id],
    );
    const denied = await callTool(access, "create_work_order", { title: "E2E MCP: after downgrade" });
    expect(denied.body.result).toMatchObject({ isError: true });
    expect(denied.body.result.content[0].text).toMatch(/permission/);
    expect((await callTool(access, "whoami")).body.result.structuredContent.permissions).toEqual(["workorders:view"]);
  });

  test("a consumer whose group lacks work order write cannot write, even for an administrator", async ({ browser }) => {
    const groupName = `E2E MCP group ${randomBytes(3).toString("hex")}`;
    const groupId = `e2e-group-${randomBytes(4).toString("hex")}`;
    await ownerExec(`INSERT INTO "PermissionGroup" (id, "tenantId", name, permissions, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
      groupId,
      acmeId,
      groupName,
      JSON.stringify({ workorders: ["view", "create", "edit"] }),
    ]);
    const [narrow] = await consumerOps([{ op: "create", tenant: "acme", name: "E2E MCP narrow connector", confidential: true, redirectUris: [REDIRECT], group: groupName }]);
    const admin = await newUser("administrator");
    const { access } = await connectorTokens(browser, admin.email, narrow, WO);
    // The admin narrows the group after consent: the token still carries workorders:write, the group does not.
    await ownerExec(`UPDATE "PermissionGroup" SET permissions = $2 WHERE id = $1`, [groupId, JSON.stringify({ workorders: ["view"] })]);
    const denied = await callTool(access, "create_work_order", { title: "E2E MCP: group says no" });
    expect(denied.body.result).toMatchObject({ isError: true });
    expect((await callTool(access, "search_work_orders", { limit: 1 })).body.result.isError).toBeFalsy();
    // A new consent under the narrowed group cannot even obtain the write scope: the call is challenged.
    const fresh = await connectorTokens(browser, admin.email, narrow, WO);
    expectChallenge(await callTool(fresh.access, "create_work_order", { title: "E2E MCP: still no" }), 403, "workorders:write");
  });

  test("two concurrent callers with the same JSON-RPC id each get only their own result", async ({ browser }) => {
    const [a, b] = [await newUser("technician"), await newUser("read_only")];
    const [ta, tb] = [await connectorTokens(browser, a.email, consumer, WO), await connectorTokens(browser, b.email, consumer, WO)];
    const callers = Array.from({ length: 30 }, (_, i) => (i % 2 ? { user: b, token: tb.access } : { user: a, token: ta.access }));
    const answers = await Promise.all(callers.map((c) => callTool(c.token, "whoami", {}, 1)));
    answers.forEach((res, i) => {
      expect(res.body.id).toBe(1);
      expect(res.body.result.structuredContent.user.email).toBe(callers[i].user.email);
    });
  });
});
