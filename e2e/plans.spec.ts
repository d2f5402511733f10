// Preventive plans in Chromium: an admin creates a plan with a trigger and sees its upcoming occurrences;
// the scheduler, run twice, raises its due work order exactly once; the calendar respects the business
// calendar; a read-only user gets no edit controls; another tenant's plan is a 404.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { BASE, HAS_DB, NEEDS_DB } from "./oauth/helpers";
import { LoginPage } from "./pages";

const code = () => `E2E-${randomBytes(3).toString("hex").toUpperCase()}`;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

function runScheduler() {
  const res = spawnSync(path.join(process.cwd(), "node_modules/.bin/tsx"), ["--conditions", "react-server", path.join(process.cwd(), "scripts/scheduler.ts")], {
    encoding: "utf8",
    env: process.env,
  });
  expect(res.status, res.stderr).toBe(0);
  return res.stdout;
}

test.describe("preventive plans", () => {
  // A 2-core machine shared with other builds: screens that render charts or run the scheduler need time.
  test.describe.configure({ timeout: 90_000 });
  test("an admin creates a plan with a trigger and sees its upcoming occurrences", async ({ page }) => {
    const planCode = code();
    await new LoginPage(page).signInAndWait("admin@acme.test");
    await page.goto("/acme/plans");
    await page.getByRole("link", { name: "New plan" }).click();
    await page.getByLabel("Code", { exact: true }).fill(planCode);
    await page.getByLabel("Name", { exact: true }).fill("Weekly grease round");
    await page.getByLabel("Asset").selectOption({ index: 1 });
    await page.getByLabel("Task 1", { exact: true }).fill("Grease the bearings");
    await page.getByRole("button", { name: "Add task" }).click();
    await page.getByLabel("Task 2", { exact: true }).fill("Check for leaks");
    await page.getByLabel("Every", { exact: true }).fill("1");
    await page.getByLabel("Unit").selectOption("week");
    await page.getByLabel("First due on").fill(isoDay(1));
    await page.getByRole("button", { name: "Create plan" }).click();

    await expect(page).toHaveURL(/\/acme\/plans\/[^/]+$/, { timeout: 20_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText(planCode);
    await expect(page.getByRole("listitem").filter({ hasText: "Every week (fixed)" })).toBeVisible();
    const upcoming = page.getByRole("list", { name: "Upcoming occurrences" }).getByRole("listitem");
    await expect(upcoming).toHaveCount(10);
    await expect(upcoming.first()).toContainText("Scheduled");

    await page.getByRole("link", { name: "Plans", exact: true }).first().click();
    await page.getByLabel("Search plans").fill(planCode);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("row")).toHaveCount(2);
  });

  test("the calendar shows occurrences on working days and marks holidays", async ({ page }, testInfo) => {
    await new LoginPage(page).signInAndWait("admin@acme.test");
    await page.goto("/acme/plans/calendar?weeks=4");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("PM calendar");
    await expect(page.getByText(/\d+ occurrences?/)).toBeVisible();
    // Acme works Monday to Friday: weekends are marked as non-working days.
    await expect(page.locator("li", { hasText: "Non-working day" }).first()).toBeAttached();
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/start=\d{4}-\d{2}-\d{2}/);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/acme/plans/calendar?weeks=2");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: testInfo.outputPath(`plans-calendar-${width}.png`), fullPage: true });
    }
  });

  test("running the scheduler twice raises the due work order exactly once", async ({ page }) => {
    test.skip(!HAS_DB, NEEDS_DB);
    const planCode = code();
    await new LoginPage(page).signInAndWait("admin@acme.test");
    await page.goto("/acme/plans/new");
    await page.getByLabel("Code", { exact: true }).fill(planCode);
    await page.getByLabel("Name", { exact: true }).fill("Floating check");
    await page.getByLabel("Task 1", { exact: true }).fill("Inspect");
    await page.getByLabel("Schedule").selectOption("floating");
    // Floating with nothing done yet: the first occurrence falls on its start date, ten days ago: due now.
    await page.getByLabel("First due on").fill(isoDay(-10));
    await page.getByRole("button", { name: "Create plan" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(planCode, { timeout: 20_000 });
    const latest = page.getByRole("region", { name: "Latest work orders" });
    await expect(latest).toContainText("has not raised a work order yet");

    runScheduler();
    runScheduler();
    await page.reload();
    await expect(latest.getByRole("link", { name: /^WO-\d{6}$/ })).toHaveCount(1);
    await latest.getByRole("link", { name: /^WO-\d{6}$/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Floating check");
  });

  test("the cron route refuses callers without the secret", async ({ request }) => {
    expect((await request.post(`${BASE}/api/cron/scheduler`)).status()).toBe(401);
    const wrong = await request.get(`${BASE}/api/cron/scheduler`, { headers: { authorization: "Bearer not-the-secret" } });
    expect(wrong.status()).toBe(401);
    if (process.env.CRON_SECRET) {
      const ok = await request.post(`${BASE}/api/cron/scheduler`, { headers: { authorization: `Bearer ${process.env.CRON_SECRET}` } });
      expect(ok.status()).toBe(200);
      expect(await ok.json()).toMatchObject({ tenants: expect.any(Number), workOrdersCreated: expect.any(Number) });
    }
  });

  test("a read-only user sees plans without edit controls; another tenant's plan is a 404", async ({ page }) => {
    await new LoginPage(page).signInAndWait("viewer@acme.test");
    await page.goto("/acme/plans");
    await expect(page.getByRole("row").nth(1)).toBeVisible();
    await expect(page.getByRole("link", { name: "New plan" })).toHaveCount(0);
    await page.getByRole("row").nth(1).getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Upcoming occurrences" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit plan" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete plan" })).toHaveCount(0);
    expect((await page.goto("/acme/plans/new"))?.status()).toBe(404);
    expect((await page.goto("/acme/plans/globex-plan-pm-001"))?.status()).toBe(404);
    await expect(page.getByText("globex", { exact: false })).toHaveCount(0);
    expect((await page.goto("/globex/plans"))?.status()).toBe(404);
  });
});
