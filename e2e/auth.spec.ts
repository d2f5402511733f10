import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages";

test.describe("sign-in", () => {
  test("admin signs in and lands in Acme's dashboard", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn("admin@acme.test");
    await expect(page).toHaveURL(/\/acme$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Acme Manufacturing");
    await expect(page.getByRole("navigation").getByRole("link", { name: "Work orders" })).toBeVisible();
  });

  test("a wrong password and an unknown email get the same error", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn("admin@acme.test", "not-the-password");
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toHaveText(/Invalid email or password/);
    const wrongPassword = await alert.textContent();
    await expect(page).toHaveURL(/\/login/);

    await login.goto();
    await login.signIn("nobody@acme.test", "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(wrongPassword!);
  });

  test("signed-out visitors are sent to sign-in and back", async ({ page }) => {
    await page.goto("/acme/work-orders");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await new LoginPage(page).signIn("tech@acme.test");
    await expect(page).toHaveURL(/\/acme\/work-orders$/);
  });
});

test.describe("tenants", () => {
  test("a user of two tenants switches between them", async ({ page }) => {
    await new LoginPage(page).signInAndWait("multi@fettle.test");
    const account = page.getByLabel("Account");
    await expect(account).toBeVisible();
    await account.selectOption({ label: "Globex Utilities" });
    await expect(page).toHaveURL(/\/globex$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Globex Utilities");
    await page.getByLabel("Account").selectOption({ label: "Acme Manufacturing" });
    await expect(page).toHaveURL(/\/acme$/);
  });

  test("an acme user typing a globex URL gets a 404 and none of its data", async ({ page }) => {
    await new LoginPage(page).signInAndWait("admin@acme.test");
    for (const path of ["/globex", "/globex/work-orders", "/globex/settings"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(404);
      await expect(page.getByText("Globex Utilities")).toHaveCount(0);
    }
  });
});

test("health and readiness endpoints report the database and its migrations", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: { ok: true } });
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready", migrations: { pending: [] } });
});
