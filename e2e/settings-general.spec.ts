// Settings → General, Security, Business calendar and Permission groups in a tenant of the test's own
// (changing a slug or a policy in acme would pull the rug from under other tests): the slug change moves
// the admin to the new address, the policy keys land where the authorization server reads them, a
// calendar is created on first save, and a group in use cannot be deleted.
import { expect, test } from "@playwright/test";
import { createTenant, createUser, ownerExec } from "./oauth/fixtures";
import { HAS_DB, NEEDS_DB } from "./oauth/helpers";
import { confirm, open, signIn, toast, uniq } from "./settings/helpers";

// Several browsers, real scrypt hashes and a 2-core machine shared by parallel runs: minutes, not seconds.
test.describe.configure({ timeout: 120_000 });
test.skip(!HAS_DB, NEEDS_DB);

test("an admin renames the tenant, changes its address and policies, and sets up its calendar", async ({ browser }) => {
  const tenant = await createTenant(`E2E Works ${uniq()}`);
  const admin = await createUser([{ tenantId: tenant.id, role: "administrator" }]);
  const page = await signIn(browser, admin.email);

  // General: name, slug, prefix. A new slug is a new address: the admin is moved there, the old one is gone.
  await open(page, `/${tenant.slug}/settings`);
  const newSlug = `e2e-renamed-${uniq()}`;
  await page.getByLabel("Organisation name").fill("Renamed Works");
  await page.getByLabel("Address (slug)").fill("Not A Slug!");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(/^Use 2–40 lowercase letters/)).toBeVisible();
  await toast(page, "Check the highlighted fields.");
  await page.getByLabel("Address (slug)").fill("acme");
  await page.getByRole("button", { name: "Save changes" }).click();
  await toast(page, "Another organisation already uses this address.");
  await page.getByLabel("Address (slug)").fill(newSlug);
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByLabel("Work order code prefix").fill("MNT-");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/${newSlug}/settings$`), { timeout: 15_000 });
  await expect(page.getByRole("banner")).toContainText("Renamed Works");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Lisbon");
  await expect(page.getByText("New work orders are numbered like MNT-000123.")).toBeVisible();
  expect((await open(page, `/${tenant.slug}/settings`))?.status()).toBe(404);

  // Security: the keys the authorization server reads, with the group it must use.
  await open(page, `/${newSlug}/settings/security`);
  await page.getByLabel("Minimum password length").fill("20");
  await page.getByLabel("Session length (hours)").fill("24");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("This number is too large.")).toBeVisible();
  await toast(page, "Check the highlighted fields.");
  await page.getByLabel("Session length (hours)").fill("8");
  await page.getByRole("checkbox", { name: /Allow self-registered AI clients/ }).uncheck();
  await expect(page.getByLabel("Permission group for self-registered clients")).toBeDisabled();
  await page.getByRole("button", { name: "Save changes" }).click();
  await toast(page, "Security settings saved.");
  const [row] = await ownerExec(`SELECT name, slug, timezone, settings FROM "Tenant" WHERE id = $1`, [tenant.id]);
  expect(row).toMatchObject({
    name: "Renamed Works",
    slug: newSlug,
    timezone: "Europe/Lisbon",
    settings: { workOrderPrefix: "MNT-", passwordMinLength: 20, sessionHours: 8, allowSelfRegisteredClients: false, selfRegisteredGroupId: expect.any(String) },
  });

  // Business calendar: none yet, created on first save.
  await open(page, `/${newSlug}/settings/calendar`);
  await page.getByRole("checkbox", { name: "Saturday" }).check();
  await page.getByLabel("Crew size").fill("3");
  await page.getByLabel("Day ends").fill("16:00");
  await page.getByRole("button", { name: "Save calendar" }).click();
  await toast(page, "Calendar saved.");
  await expect(page.getByText("Weekly crew capacity: 144 hours.")).toBeVisible();
  await page.getByLabel("Holiday name").fill("Founders' Day");
  await page.getByLabel("Date", { exact: true }).fill("2027-03-14");
  await page.getByRole("checkbox", { name: "Every year" }).check();
  await page.getByRole("button", { name: "Add holiday" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Founders' Day" })).toContainText("March 14");
  await expect(page.getByRole("listitem").filter({ hasText: "Founders' Day" })).toContainText("Every year");

  // Permission groups: a new one becomes the AI-connector ceiling; while it is, it cannot be deleted.
  await open(page, `/${newSlug}/settings/permission-groups`);
  await page.getByRole("link", { name: "New permission group" }).click();
  await page.getByLabel("Name").fill("Read-only connectors");
  await page.getByRole("checkbox", { name: "View Work orders" }).check();
  await expect(page.getByRole("checkbox", { name: "View Settings" })).toHaveCount(0);
  await page.getByRole("button", { name: "Create group" }).click();
  await expect(page).toHaveURL(new RegExp(`/${newSlug}/settings/permission-groups$`), { timeout: 20_000 });
  await expect(page.getByRole("row").filter({ hasText: "Read-only connectors" })).toContainText("Work orders: View");
  await open(page, `/${newSlug}/settings/security`);
  await page.getByRole("checkbox", { name: /Allow self-registered AI clients/ }).check();
  await page.getByLabel("Permission group for self-registered clients").selectOption({ label: "Read-only connectors" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await toast(page, "Security settings saved.");
  await open(page, `/${newSlug}/settings/permission-groups`);
  await expect(page.getByRole("row").filter({ hasText: "Read-only connectors" })).toContainText("Self-registered AI clients");
  await page.getByRole("link", { name: "Read-only connectors" }).click();
  await page.getByRole("button", { name: "Delete group" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete group" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await toast(page, "Consumers or self-registered AI clients still use this group. Move them to another group first.");
  await page.getByRole("button", { name: "Save group" }).click();
  await expect(page).toHaveURL(new RegExp(`/${newSlug}/settings/permission-groups$`), { timeout: 20_000 });

  // The old group is free now: it can go.
  await page.getByRole("link", { name: "AI connectors" }).click();
  await confirm(page, page.getByRole("button", { name: "Delete group" }), "Delete the group AI connectors?", "Delete group");
  await expect(page.getByRole("link", { name: "AI connectors" })).toHaveCount(0);
  await page.context().close();
});
