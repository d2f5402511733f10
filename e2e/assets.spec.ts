// Assets in the browser: the location → asset tree, recording a meter reading, creating an asset, a
// read-only user's view, and another tenant's asset URL. Writes touch only rows the tests create, plus
// one reading on a gauge no maintenance plan watches.
import { expect as baseExpect, test, type Browser, type Page } from "@playwright/test";
import { LoginPage } from "./pages";

// Journeys across two users and several pages: more than the default 30 s on a busy 2-core machine.
test.describe.configure({ timeout: 90_000 });
// Server actions then navigations: allow for a loaded machine rather than fail on a slow response.
const expect = baseExpect.configure({ timeout: 15_000 });

async function signedIn(browser: Browser, email: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await new LoginPage(page).signInAndWait(email);
  return page;
}

test("navigate the tree to an asset and record a meter reading", async ({ browser }, testInfo) => {
  const page = await signedIn(browser, "tech@acme.test");
  await page.goto("/acme/assets");
  const tree = page.getByRole("navigation", { name: "Locations" });
  await tree.getByRole("link", { name: /^Plant North/ }).click();
  await expect(page.getByRole("heading", { name: "Inside this location" })).toBeVisible();
  await tree.getByRole("link", { name: /^Utilities Room/ }).click();
  await expect(tree.getByRole("link", { name: /^Utilities Room/ })).toHaveAttribute("aria-current", "page");
  const here = page.getByRole("list", { name: "Assets at this location" });
  for (const name of ["Air Compressor AC-1", "Air Compressor AC-2", "Refrigerated Air Dryer", "Main Switchboard MSB-1", "Cooling Tower Pump P-101"]) {
    await expect(here.getByRole("link", { name })).toBeVisible();
  }
  await page.screenshot({ path: testInfo.outputPath("asset-tree-1280.png"), fullPage: true });

  await here.getByRole("link", { name: "Air Compressor AC-1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Air Compressor AC-1");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Utilities Room");
  await expect(page.getByRole("heading", { name: "Cost to date" })).toBeVisible();
  await expect(page.getByRole("img", { name: /Chart of the last \d+ readings/ }).first()).toBeVisible();

  const value = String(60 + Math.floor(Math.random() * 30) + 0.5);
  await page.getByRole("button", { name: "Record a reading for Discharge temperature" }).click();
  const dialog = page.getByRole("dialog", { name: "Record a reading: Discharge temperature" });
  await dialog.getByLabel("Value (°C)").fill(value);
  await dialog.getByRole("button", { name: "Save reading" }).click();
  await expect(page.getByText("Reading recorded.")).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${value} °C`)).toBeVisible();

  // A counter refuses to go backwards, with a clear message.
  await page.getByRole("button", { name: "Record a reading for Runtime hours" }).click();
  const counter = page.getByRole("dialog", { name: "Record a reading: Runtime hours" });
  await counter.getByLabel("Value (h)").fill("1");
  await counter.getByRole("button", { name: "Save reading" }).click();
  await expect(page.getByText("Reading refused: a counter cannot go below its previous reading.")).toBeVisible();
  await counter.getByRole("button", { name: "Cancel" }).click();
});

test("the asset tree works at 375 px", async ({ browser }, testInfo) => {
  const page = await signedIn(browser, "tech@acme.test", 375);
  await page.goto("/acme/assets");
  // With no location chosen the tree is unfolded; once one is chosen it folds away above the results.
  await expect(page.getByText("Browse by location", { exact: true })).toBeVisible();
  await page.getByRole("navigation", { name: "Locations" }).getByRole("link", { name: /^Boiler House/ }).click();
  await expect(page.getByRole("list", { name: "Assets at this location" }).getByRole("link", { name: "Steam Boiler B-1" })).toBeVisible();
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: testInfo.outputPath("asset-tree-375.png"), fullPage: true });
  await expect(page.getByText("Location: Boiler House", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Steam Boiler B-1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Steam Boiler B-1");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: testInfo.outputPath("asset-detail-375.png"), fullPage: true });
});

test("an admin creates an asset under a location, then moves it under a parent", async ({ browser }) => {
  const page = await signedIn(browser, "admin@acme.test");
  await page.goto("/acme/assets?location=acme-loc-pn-ut");
  await page.getByRole("link", { name: "New asset" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New asset");
  await expect(page.getByLabel("Location", { exact: true })).toHaveValue("acme-loc-pn-ut");
  await page.getByRole("button", { name: "Create asset" }).click();
  await expect(page.getByText("Enter a name.")).toBeVisible();

  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Name", { exact: true }).fill(`Nitrogen generator ${code}`);
  await page.getByLabel("Category", { exact: true }).fill("Compressor");
  await page.getByLabel("Criticality", { exact: true }).selectOption("4");
  await page.getByRole("button", { name: "Create asset" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Nitrogen generator ${code}`);
  await expect(page.getByText("Asset created.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Utilities Room");

  await page.getByRole("link", { name: "Edit or move" }).click();
  await page.getByLabel("Part of (parent asset)").selectOption({ label: "UT-AC-02 — Air Compressor AC-2" });
  await page.getByRole("button", { name: "Move", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Nitrogen generator ${code}`);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("Air Compressor AC-2");

  // The same code again is refused with a clear message.
  await page.goto("/acme/assets/new");
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Name", { exact: true }).fill("Duplicate");
  await page.getByRole("button", { name: "Create asset" }).click();
  await expect(page.getByText("That code is already used by another asset.")).toBeVisible();
});

test("a read-only user sees no edit controls and cannot open the forms", async ({ browser }) => {
  const page = await signedIn(browser, "viewer@acme.test");
  await page.goto("/acme/assets");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Assets");
  await expect(page.getByRole("link", { name: "New asset" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New location" })).toHaveCount(0);
  await page.goto("/acme/assets/acme-asset-ut-ac-01");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Air Compressor AC-1");
  await expect(page.getByRole("heading", { name: "Meters" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Record a reading/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit or move" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add sub-asset" })).toHaveCount(0);
  for (const path of ["/acme/assets/acme-asset-ut-ac-01/edit", "/acme/assets/new", "/acme/assets/locations/new"]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
  }
});

test("an acme user opening a globex asset or location gets a 404 and none of its data", async ({ browser }) => {
  const page = await signedIn(browser, "admin@acme.test");
  for (const path of [
    "/acme/assets/globex-asset-wtp-rwp-01",
    "/acme/assets/globex-asset-wtp-rwp-01/edit",
    "/acme/assets?location=globex-loc-wtp",
    "/acme/assets/locations/globex-loc-wtp/edit",
    "/globex/assets/globex-asset-wtp-rwp-01",
  ]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByText(/Raw Water|Globex|Water Treatment/)).toHaveCount(0);
  }
});
