// Inventory in Chromium: the below-minimum view, recording movements (never below zero), a read-only user
// without edit controls, and another tenant's inventory as a 404.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages";

test.describe("inventory", () => {
  // A 2-core machine shared with other builds: screens that render charts or run the scheduler need time.
  test.describe.configure({ timeout: 90_000 });
  test("lists stock below its minimum", async ({ page }, testInfo) => {
    await new LoginPage(page).signInAndWait("tech@acme.test");
    await page.goto("/acme/inventory");
    await page.getByRole("link", { name: "Below minimum" }).click();
    await expect(page).toHaveURL(/\/acme\/inventory\/stock\?below=1/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Below minimum");
    const rows = page.getByRole("table").getByRole("row");
    expect(await rows.count()).toBeGreaterThan(1);
    for (const row of (await rows.all()).slice(1)) await expect(row).toContainText("Below minimum");
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: testInfo.outputPath(`inventory-below-${width}.png`), fullPage: true });
    }
  });

  test("an admin adds a part, receives it and cannot issue more than is on hand", async ({ page }) => {
    const code = `E2E-${randomBytes(3).toString("hex").toUpperCase()}`;
    await new LoginPage(page).signInAndWait("admin@acme.test");
    await page.goto("/acme/inventory/parts/new");
    await page.getByLabel("Code", { exact: true }).fill(code);
    await page.getByLabel("Name", { exact: true }).fill("E2E gasket");
    await page.getByLabel("Unit cost").fill("4.20");
    await page.getByRole("button", { name: "Create part" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(code, { timeout: 20_000 });
    await expect(page.getByText("Not stocked in any warehouse yet")).toBeVisible();

    const form = page.getByRole("region", { name: "Record a movement" });
    await form.getByLabel("Quantity").fill("12");
    await form.getByRole("button", { name: "Record movement" }).click();
    await expect(page.getByText("Receipt recorded.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Stock by warehouse" })).toContainText("12");

    await form.getByLabel("Movement").selectOption("issue");
    await form.getByLabel("Quantity").fill("50");
    await form.getByRole("button", { name: "Record movement" }).click();
    await expect(page.getByText("Not enough stock in that warehouse.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Stock by warehouse" })).toContainText("12");

    await page.getByRole("button", { name: /Set minimum and maximum in/ }).click();
    await page.getByRole("dialog").getByLabel("Minimum").fill("20");
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Stock levels saved.")).toBeVisible();
    await expect(page.getByRole("table", { name: "Stock by warehouse" })).toContainText("Below minimum");
  });

  test("a read-only user sees inventory without edit controls", async ({ page }) => {
    await new LoginPage(page).signInAndWait("viewer@acme.test");
    await page.goto("/acme/inventory");
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByRole("link", { name: "New part" })).toHaveCount(0);
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Stock by warehouse" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit part" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Min \/ max|Set minimum/ })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Record movement" })).toHaveCount(0);
    for (const path of ["/acme/inventory/movements", "/acme/inventory/warehouses", "/acme/inventory/stock?below=1"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("button", { name: /Record movement|Add warehouse|Rename|Min \/ max/ })).toHaveCount(0);
    }
    expect((await page.goto("/acme/inventory/parts/new"))?.status()).toBe(404);
  });

  test("another tenant's inventory is a 404 and shows none of its data", async ({ page }) => {
    await new LoginPage(page).signInAndWait("admin@acme.test");
    for (const path of ["/globex/inventory", "/globex/inventory/stock?below=1", "/acme/inventory/parts/globex-part-seal-lnn"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByText("SEAL-LNN")).toHaveCount(0);
      await expect(page.getByText("Globex Utilities")).toHaveCount(0);
    }
  });
});
