// Settings → API connections → App authorizations and Profile → Connected apps: a revocation, by an admin
// or by the user, disconnects the app at once — its token gets 401 from /api/mcp and its refresh token is
// refused — and the authorization disappears from both lists.
import { expect, test } from "@playwright/test";
import { signedInApi, testIp, tokenCall } from "./oauth/helpers";
import { confirm, connectApp, createConsumerInUi, mcpStatus, open, signIn, uniq } from "./settings/helpers";

// Several browsers, real scrypt hashes and a 2-core machine shared by parallel runs: minutes, not seconds.
test.describe.configure({ timeout: 120_000 });

const refresh = (consumer: { clientId: string; secret: string }, refreshToken: string) =>
  tokenCall({ params: { grant_type: "refresh_token", refresh_token: refreshToken }, basic: [consumer.clientId, consumer.secret], ip: testIp() });

test("an admin revokes a user's authorization; the token stops and it leaves the user's Connected apps", async ({ browser }) => {
  const admin = await signIn(browser, "admin@acme.test");
  const name = `E2E revoked app ${uniq()}`;
  const consumer = await createConsumerInUi(admin, "acme", name);
  const api = await signedInApi(browser, "tech@acme.test");
  const tokens = await connectApp(api, consumer);
  await api.dispose();
  expect(await mcpStatus(tokens.access_token)).toBe(200);

  const tech = await signIn(browser, "tech@acme.test");
  await open(tech, "/acme");
  await tech.getByRole("link", { name: /Taylor Reyes/ }).click();
  await expect(tech).toHaveURL(/\/acme\/profile$/);
  await expect(tech.getByRole("heading", { name: name })).toBeVisible();

  // The admin finds it by filtering on the app, and revokes it.
  await open(admin, "/acme/settings/api/authorizations");
  await admin.getByLabel("App", { exact: true }).selectOption({ label: name });
  await admin.getByRole("button", { name: "Filter" }).click();
  await expect(admin).toHaveURL(/consumer=/);
  const rows = admin.getByRole("row").filter({ hasText: name });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText("Taylor Reyes");
  await expect(rows).toContainText("Read work orders");
  await confirm(admin, rows.getByRole("button", { name: `Revoke ${name}` }), `Revoke ${name}?`, "Revoke");
  await expect(admin.getByText(`${name} was disconnected.`)).toBeVisible();
  await expect(rows).toHaveCount(0);
  await expect(admin.getByText("No app authorizations")).toBeVisible();

  expect(await mcpStatus(tokens.access_token)).toBe(401);
  expect((await refresh(consumer, tokens.refresh_token)).body.error).toBe("invalid_grant");
  await tech.reload();
  await expect(tech.getByRole("heading", { name: "Connected apps", exact: true })).toBeVisible();
  await expect(tech.getByRole("heading", { name: name })).toHaveCount(0);
  await admin.context().close();
  await tech.context().close();
});

test("a user revokes their own connected app", async ({ browser }) => {
  const admin = await signIn(browser, "admin@acme.test");
  const name = `E2E own app ${uniq()}`;
  const consumer = await createConsumerInUi(admin, "acme", name);
  const api = await signedInApi(browser, "viewer@acme.test");
  const tokens = await connectApp(api, consumer, "workorders:read");
  await api.dispose();
  expect(await mcpStatus(tokens.access_token)).toBe(200);

  const viewer = await signIn(browser, "viewer@acme.test");
  await open(viewer, "/acme/profile");
  const card = viewer.getByRole("listitem").filter({ has: viewer.getByRole("heading", { name }) });
  await expect(card).toContainText("Read work orders");
  await confirm(viewer, card.getByRole("button", { name: `Revoke ${name}` }), `Revoke ${name}?`, "Revoke");
  await expect(viewer.getByRole("heading", { name })).toHaveCount(0);
  expect(await mcpStatus(tokens.access_token)).toBe(401);
  expect((await refresh(consumer, tokens.refresh_token)).body.error).toBe("invalid_grant");

  // Gone from the admin's list too.
  await open(admin, "/acme/settings/api/authorizations");
  await expect(admin.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await admin.context().close();
  await viewer.context().close();
});
