// Settings → API connections → OAuth consumers, as an admin clicks through it: create (the secret shown
// once, never again), rotate (the old secret then fails at the token endpoint), disable (authorize and the
// token endpoint then fail, live tokens stop), enable, delete (everything it held is gone). Checked against
// the real token, authorization and MCP endpoints.
import { expect, test, type Page } from "@playwright/test";
import { authorizeQuery, pkce, REDIRECT, signedInApi, tokenCall, testIp } from "./oauth/helpers";
import { confirm, copyFieldValue, mcpStatus, open, signIn, toast, uniq } from "./settings/helpers";

// Several browsers, real scrypt hashes and a 2-core machine shared by parallel runs: minutes, not seconds.
test.describe.configure({ timeout: 120_000 });

const clientCredentials = (clientId: string, secret: string) =>
  tokenCall({ params: { grant_type: "client_credentials", scope: "workorders:read" }, basic: [clientId, secret], ip: testIp() });

async function createConsumer(page: Page, name: string) {
  await open(page, "/acme/settings/api");
  await page.getByRole("link", { name: "New consumer" }).click();
  await expect(page.getByRole("heading", { name: "New consumer" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Description").fill("Created by the settings end-to-end test");
  await page.getByRole("checkbox", { name: /Client credentials/ }).check();
  await page.getByRole("textbox", { name: "Callback URL 1", exact: true }).fill("https://client.example.test/#fragment");
  await page.getByLabel("Permissions").selectOption({ label: "AI connectors" });
  await page.getByRole("button", { name: "Create consumer" }).click();
  // A fragment is refused with a message on the field itself.
  await expect(page.getByText("without a # fragment")).toBeVisible();
  await page.getByRole("textbox", { name: "Callback URL 1", exact: true }).fill(REDIRECT);
  await page.getByRole("button", { name: "Add callback URL" }).click();
  await page.getByRole("textbox", { name: "Callback URL 2", exact: true }).fill("http://127.0.0.1/callback");
  await page.getByRole("button", { name: "Create consumer" }).click();
  await expect(page.getByRole("heading", { name: `${name} is ready` })).toBeVisible({ timeout: 20_000 });
  return { clientId: await copyFieldValue(page, "Key"), secret: await copyFieldValue(page, "Secret") };
}

test("admin creates a consumer, sees the secret once, rotates, disables, enables and deletes it", async ({ browser }) => {
  const page = await signIn(browser, "admin@acme.test");
  const name = `E2E consumer ${uniq()}`;
  const { clientId, secret } = await createConsumer(page, name);
  expect(clientId).toMatch(/^fettle_ci_/);
  expect(secret).toMatch(/^fettle_cs_/);

  // Copy puts the secret on the clipboard.
  await page.getByRole("button", { name: "Copy Secret" }).click();
  await expect(page.getByText("Secret copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

  // The secret works: a client-credentials token and an MCP call with it.
  const first = await clientCredentials(clientId, secret);
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(await mcpStatus(first.body.access_token)).toBe(200);

  // Reloading shows it nowhere again: not on the form, not on the consumer's page.
  await page.reload();
  await expect(page.getByRole("heading", { name: "New consumer" })).toBeVisible();
  expect(await page.content()).not.toContain(secret);
  await open(page, "/acme/settings/api");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Authorization code");
  await expect(row).toContainText("Client credentials");
  await expect(row).toContainText("Enabled");
  await row.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  expect(await copyFieldValue(page, "Key")).toBe(clientId);
  expect(await page.content()).not.toContain(secret);
  await expect(page.getByText("stored only as a hash")).toBeVisible();

  // Rotate: a new secret shown once; the old one then fails at the token endpoint.
  await confirm(page, page.getByRole("button", { name: "Rotate secret" }), `Rotate the secret of ${name}?`, "Rotate secret");
  const rotated = page.getByRole("dialog", { name: "New secret" });
  await expect(rotated).toBeVisible({ timeout: 20_000 });
  const newSecret = await rotated.getByRole("textbox", { name: "Secret", exact: true }).inputValue();
  expect(newSecret).toMatch(/^fettle_cs_/);
  expect(newSecret).not.toBe(secret);
  await rotated.getByRole("button", { name: "Done" }).click();
  expect((await clientCredentials(clientId, secret)).body.error).toBe("invalid_client");
  const second = await clientCredentials(clientId, newSecret);
  expect(second.status).toBe(200);
  await page.reload();
  expect(await page.content()).not.toContain(newSecret);

  // Disable: the token endpoint and authorize refuse it, and its live token stops working.
  await confirm(page, page.getByRole("button", { name: "Disable" }), `Disable ${name}?`, "Disable");
  await expect(page.getByText("Disabled", { exact: true })).toBeVisible();
  expect((await clientCredentials(clientId, newSecret)).status).toBe(401);
  expect(await mcpStatus(second.body.access_token)).toBe(401);
  const user = await signedInApi(browser, "tech@acme.test");
  const authorize = await user.get(`/oauth/authorize?${authorizeQuery({ clientId, challenge: pkce().challenge })}`, { maxRedirects: 0 });
  expect(authorize.status()).toBe(400);
  expect(await authorize.text()).toContain("unknown or has been disabled");
  await user.dispose();

  // Enable again: the same token works again (it was never revoked, only its consumer paused).
  await page.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByText("Enabled", { exact: true })).toBeVisible();
  expect(await mcpStatus(second.body.access_token)).toBe(200);

  // Edit: another callback URL and a description, kept on reload; the key and secret are untouched.
  await page.getByRole("button", { name: "Add callback URL" }).click();
  await page.getByRole("textbox", { name: "Callback URL 3", exact: true }).fill("https://second.example.test/cb");
  await page.getByLabel("Description").fill("Edited by the test");
  await page.getByRole("button", { name: "Save consumer" }).click();
  await toast(page, "Consumer saved.");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Callback URL 3", exact: true })).toHaveValue("https://second.example.test/cb");
  await expect(page.getByLabel("Description")).toHaveValue("Edited by the test");
  expect((await clientCredentials(clientId, newSecret)).status).toBe(200);

  // Delete: gone from the list, and nothing it held works any more.
  await confirm(page, page.getByRole("button", { name: "Delete" }), `Delete ${name}?`, "Delete");
  await expect(page).toHaveURL(/\/acme\/settings\/api$/, { timeout: 20_000 });
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  expect((await clientCredentials(clientId, newSecret)).status).toBe(401);
  expect(await mcpStatus(second.body.access_token)).toBe(401);
  await page.context().close();
});

test("the API connections page shows the MCP server URL and the OAuth endpoints ready to copy", async ({ browser }) => {
  const page = await signIn(browser, "admin@acme.test");
  await open(page, "/acme/settings/api");
  const base = new URL(page.url()).origin;
  expect(await copyFieldValue(page, "MCP server URL")).toBe(`${base}/api/mcp`);
  await page.getByText("OAuth endpoints").click();
  expect(await copyFieldValue(page, "Issuer")).toBe(base);
  expect(await copyFieldValue(page, "Authorization endpoint")).toBe(`${base}/oauth/authorize`);
  expect(await copyFieldValue(page, "Token endpoint")).toBe(`${base}/api/oauth/token`);
  expect(await copyFieldValue(page, "Revocation endpoint")).toBe(`${base}/api/oauth/revoke`);
  expect(await copyFieldValue(page, "Registration endpoint")).toBe(`${base}/api/oauth/register`);
  const metadataUrl = await copyFieldValue(page, "Authorization server metadata");
  const metadata = await (await fetch(metadataUrl)).json();
  expect(metadata).toMatchObject({ issuer: base, token_endpoint: `${base}/api/oauth/token` });
  await expect(page.getByRole("heading", { name: "Connect ChatGPT or Claude" })).toBeVisible();
  await page.context().close();
});
