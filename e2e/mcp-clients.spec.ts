// The headline, end to end against `next start`: real MCP client libraries that know only the MCP URL
// discover the authorization server (401 → protected resource metadata → AS metadata), get a token through
// sign-in and consent clicked in Chromium, then list tools and call whoami, a write and a read tool.
//   - @modelcontextprotocol/sdk 1.32.2 (2025 protocol), registering itself (Dynamic Client Registration);
//   - @modelcontextprotocol/client 2.4.0 negotiating 2026-07-28, as a consumer the tenant admin created.
// Each test works in a tenant and with a user of its own, so demo data stays untouched.
import { Client as Client2025 } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport as Transport2025 } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";
import { expect, test } from "@playwright/test";
import { createTenant, createUser } from "./oauth/fixtures";
import { BASE, consumerOps, HAS_DB, NEEDS_DB, RESOURCE, testIp } from "./oauth/helpers";
import { BrowserOAuthProvider, LOOPBACK_REDIRECT, recordingFetch } from "./mcp/browser-oauth";

// A browser sign-in and a full OAuth dance per test: room for a loaded CI machine.
test.describe.configure({ timeout: 90_000 });
test.skip(!HAS_DB, NEEDS_DB);

const structured = <T>(r: unknown) => (r as { structuredContent?: unknown }).structuredContent as T;

/** What a client had to find by itself, starting from the MCP URL. */
function expectDiscoveredFromMcpUrl(urls: string[]) {
  expect(urls[0]).toBe(RESOURCE);
  expect(urls).toContain(`${BASE}/.well-known/oauth-protected-resource/api/mcp`);
  expect(urls.some((u) => u.startsWith(`${BASE}/.well-known/oauth-authorization-server`))).toBe(true);
}

test("@modelcontextprotocol/sdk 1.32.2: discovery, self-registration, consent in Chromium, tools", async ({ browser }) => {
  const tenant = await createTenant("MCP SDK 1.x Plant");
  const user = await createUser([{ tenantId: tenant.id, role: "technician" }]);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": testIp() } });
  const provider = new BrowserOAuthProvider(context, user.email, "Claude-like connector (SDK 1.x)");
  const recorder = recordingFetch();

  // First connection: 401 → discovery → registration → browser → UnauthorizedError until the code is back.
  const first = new Transport2025(new URL(RESOURCE), { authProvider: provider, fetch: recorder.fetch });
  await expect(new Client2025({ name: "sdk-1.x", version: "1.0.0" }).connect(first)).rejects.toBeInstanceOf(UnauthorizedError);
  expectDiscoveredFromMcpUrl(recorder.urls);
  expect(recorder.urls).toContain(`${BASE}/api/oauth/register`);
  expect(provider.callback?.searchParams.get("iss")).toBe(BASE);
  await first.finishAuth(provider.callback!.searchParams.get("code")!);
  expect(recorder.urls.at(-1)).toBe(`${BASE}/api/oauth/token`);
  expect(provider.tokens()?.access_token).toMatch(/^fettle_at_/);

  const client = new Client2025({ name: "sdk-1.x", version: "1.0.0" });
  await client.connect(new Transport2025(new URL(RESOURCE), { authProvider: provider, fetch: recorder.fetch }));
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["whoami", "search_work_orders", "create_work_order"]));

  const me = structured<{ tenant: { slug: string }; user: { email: string }; consumer: { name: string }; permissions: string[] }>(
    await client.callTool({ name: "whoami", arguments: {} }),
  );
  expect(me.tenant.slug).toBe(tenant.slug);
  expect(me.user.email).toBe(user.email);
  expect(me.consumer.name).toBe("Claude-like connector (SDK 1.x)");
  // The tenant's "AI connectors" group (work orders view/create/edit, assets view, metrics view) ∩ Technician.
  expect(me.permissions).toEqual(["assets:view", "metrics:view", "workorders:create", "workorders:edit", "workorders:view"]);

  const created = await client.callTool({ name: "create_work_order", arguments: { title: "Conveyor 3: belt slipping", priority: 1 } });
  expect(created.isError, JSON.stringify(created.content)).toBeFalsy();
  const { code } = structured<{ code: string }>(created);
  const found = structured<{ items: { code: string; title: string }[] }>(
    await client.callTool({ name: "search_work_orders", arguments: { text: "belt slipping" } }),
  );
  expect(found.items.map((w) => w.code)).toEqual([code]);
  await client.close();
  await context.close();
});

test("@modelcontextprotocol/client 2.4.0: 2026-07-28, a tenant consumer, consent in Chromium, tools", async ({ browser }) => {
  const tenant = await createTenant("MCP client 2.x Plant");
  await createUser([{ tenantId: tenant.id, role: "administrator" }]);
  const user = await createUser([{ tenantId: tenant.id, role: "technician" }]);
  const [consumer] = await consumerOps([
    { op: "create", tenant: tenant.slug, name: "ChatGPT-like connector (client 2.x)", confidential: false, redirectUris: [LOOPBACK_REDIRECT], group: "AI connectors" },
  ]);
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": testIp() } });
  const provider = new BrowserOAuthProvider(context, user.email, "ChatGPT-like connector (client 2.x)", { client_id: consumer.clientId, issuer: BASE });
  const recorder = recordingFetch();
  const transport = () => new StreamableHTTPClientTransport(new URL(RESOURCE), { authProvider: provider, fetch: recorder.fetch });
  const newClient = () => new Client({ name: "client-2.x", version: "1.0.0" }, { versionNegotiation: { mode: "auto" } });

  const first = transport();
  await expect(newClient().connect(first)).rejects.toThrow();
  expectDiscoveredFromMcpUrl(recorder.urls);
  expect(recorder.urls).not.toContain(`${BASE}/api/oauth/register`);
  // RFC 9207: the 2.x client checks `iss` on the callback itself.
  await first.finishAuth(provider.callback!.searchParams);
  expect(recorder.urls.at(-1)).toBe(`${BASE}/api/oauth/token`);

  const client = newClient();
  await client.connect(transport());
  expect(client.getNegotiatedProtocolVersion()).toBe("2026-07-28");
  const { tools } = await client.listTools();
  expect(tools.length).toBeGreaterThan(5);

  const me = structured<{ tenant: { slug: string }; consumer: { name: string } }>(await client.callTool({ name: "whoami", arguments: {} }));
  expect(me).toMatchObject({ tenant: { slug: tenant.slug }, consumer: { name: "ChatGPT-like connector (client 2.x)" } });
  const created = await client.callTool({ name: "create_work_order", arguments: { title: "Chiller 2: high discharge temperature" } });
  expect(created.isError, JSON.stringify(created.content)).toBeFalsy();
  const { code } = structured<{ code: string }>(created);
  const got = structured<{ code: string; title: string; status: string }>(await client.callTool({ name: "get_work_order", arguments: { workOrder: code } }));
  expect(got).toMatchObject({ code, title: "Chiller 2: high discharge temperature", status: "open" });
  await client.close();
  await context.close();
});
