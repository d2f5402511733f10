// The dashboard in Chromium: KPI cards with figures, the period filter changes them, formulas on hover and
// focus, and — on a small tenant of its own (test/kpi-fixture.ts) — the exact figures worked out by hand.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import { BUILT_IN_ROLES } from "@/lib/tenancy/permissions";
import { FX, insertKpiFixture } from "@/test/kpi-fixture";
import { HAS_DB, NEEDS_DB, ownerSql } from "./oauth/helpers";
import { LoginPage, PASSWORD } from "./pages";

const card = (page: Page, label: string) => page.locator("[data-kpi]").filter({ has: page.getByRole("heading", { name: label, exact: true }) });
const figure = (page: Page, label: string) => card(page, label).locator("[data-kpi-value]");

test.describe("dashboard", () => {
  // A 2-core machine shared with other builds: screens that render charts or run the scheduler need time.
  test.describe.configure({ timeout: 90_000 });
  test("shows KPI cards with figures, and the period filter changes them", async ({ page }) => {
    await new LoginPage(page).signInAndWait("admin@acme.test");
    await page.goto("/acme?period=30d");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Acme Manufacturing");
    await expect(page.locator("[data-kpi]")).toHaveCount(9);
    for (const label of ["MTTR", "MTBF", "Availability", "PM compliance", "Planned work", "Backlog", "Open work orders", "Overdue work orders", "Maintenance cost"]) {
      await expect(figure(page, label), label).toHaveText(/\d/);
    }
    const month = await figure(page, "Maintenance cost").textContent();

    await page.getByLabel("Period", { exact: true }).selectOption({ label: "Last 12 months" });
    await expect(page).toHaveURL(/period=365d/, { timeout: 20_000 });
    await expect(figure(page, "Maintenance cost")).not.toHaveText(month!, { timeout: 20_000 });
    const money = (s: string | null) => Number(s!.replace(/[^\d.]/g, ""));
    expect(money(await figure(page, "Maintenance cost").textContent())).toBeGreaterThan(money(month));
    await expect(page.getByRole("heading", { name: "Downtime by asset" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Failure causes" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Work orders by status" }).getByRole("listitem")).toHaveCount(6);
  });

  test("shows each formula on hover and on keyboard focus", async ({ page }) => {
    await new LoginPage(page).signInAndWait("viewer@acme.test");
    await page.goto("/acme");
    const tip = page.locator("#kpi-formula-mttr");
    await expect(tip).toBeHidden();
    await card(page, "MTTR").hover();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText("total restoration time ÷ number of failures");
    await page.mouse.move(0, 0);
    await expect(tip).toBeHidden();
    await page.getByRole("button", { name: "How Availability is calculated" }).focus();
    await expect(page.locator("#kpi-formula-availability")).toBeVisible();
    await expect(page.getByRole("button", { name: "How Availability is calculated" })).toHaveAccessibleDescription(/uptime ÷ \(uptime \+ unplanned downtime\)/);
  });

  test("keeps period and location in the URL", async ({ page }) => {
    await new LoginPage(page).signInAndWait("admin@acme.test");
    await page.goto("/acme?period=90d");
    const location = page.getByLabel("Location", { exact: true });
    const option = await location.locator("option").nth(1).textContent();
    await location.selectOption({ index: 1 });
    await expect(page).toHaveURL(/period=90d&location=/, { timeout: 20_000 });
    await expect(page.getByTestId("dashboard-range")).toContainText(option!.trim(), { timeout: 20_000 });
  });

  test("screenshots at 1280 px and 375 px", async ({ page }, testInfo) => {
    await new LoginPage(page).signInAndWait("admin@acme.test");
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/acme?period=365d");
      await expect(page.locator("[data-kpi]").first()).toBeVisible();
      await page.locator(".recharts-surface").first().waitFor();
      // Nothing may be wider than the screen on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: testInfo.outputPath(`dashboard-${width}.png`), fullPage: true });
    }
  });
});

test.describe("dashboard on a hand-computed fixture", () => {
  test.skip(!HAS_DB, NEEDS_DB);
  const email = `kpi-${randomBytes(4).toString("hex")}@e2e.test`;

  test.beforeAll(async () => {
    const sql = await ownerSql();
    try {
      const [exists] = await sql.query(`SELECT 1 FROM "Tenant" WHERE id = $1`, [FX.tenantId]);
      if (!exists) await insertKpiFixture(sql);
      const roleId = `${FX.tenantId}-role-admin`;
      await sql.query(`SELECT set_config('app.tenant_id', $1, false)`, [FX.tenantId]);
      await sql.query(
        `INSERT INTO "Role" (id, "tenantId", name, "builtIn", permissions, "updatedAt") VALUES ($1, $2, 'Administrator', 'administrator', $3, now())
         ON CONFLICT (id) DO NOTHING`,
        [roleId, FX.tenantId, JSON.stringify(BUILT_IN_ROLES.administrator.permissions)],
      );
      const userId = `user-${email.split("@")[0]}`;
      await sql.query(`INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'KPI Checker', $3, now())`, [userId, email, await hashPassword(PASSWORD)]);
      await sql.query(`INSERT INTO "Membership" (id, "tenantId", "userId", "roleId", "updatedAt") VALUES ($1, $2, $3, $4, now())`, [`${userId}-m`, FX.tenantId, userId, roleId]);
      await sql.query(`SELECT set_config('app.tenant_id', '', false)`);
    } finally {
      await sql.close();
    }
  });

  test("shows the figures worked out by hand for January 2026", async ({ page }) => {
    await new LoginPage(page).signInAndWait(email);
    await page.goto(`/${FX.slug}?from=2026-01-01&to=2026-01-31`);
    await expect(page.getByLabel("Period", { exact: true })).toHaveValue("custom");
    // See test/kpi.test.ts for the arithmetic.
    await expect(figure(page, "MTTR")).toHaveText("5 h");
    await expect(figure(page, "MTBF")).toHaveText("730 h");
    await expect(figure(page, "Availability")).toHaveText("98.6%");
    await expect(figure(page, "PM compliance")).toHaveText("33.3%");
    await expect(figure(page, "Planned work")).toHaveText("37.5%");
    await expect(figure(page, "Maintenance cost")).toHaveText("$439.00");
    await expect(card(page, "Maintenance cost")).toContainText("Labour $371.00 · parts $68.00");
    await expect(figure(page, "Open work orders")).toHaveText("4");
    await expect(card(page, "PM compliance")).toContainText("1 of 3 on time");
    const ranking = page.getByRole("table", { name: "Downtime by asset" });
    await expect(ranking.getByRole("row").nth(1)).toContainText("P2");
    await expect(ranking.getByRole("row").nth(1)).toContainText("26 h");
  });
});
