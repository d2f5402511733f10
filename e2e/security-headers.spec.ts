import { expect, test } from "@playwright/test";
import { LoginPage } from "./pages";

test("pages send security headers and work under their CSP", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(msg.text())) violations.push(msg.text());
  });

  const res = await page.goto("/login");
  const headers = res!.headers();
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  // Next's scripts carry the request's nonce, so the page hydrates and the client-side form works.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);

  await new LoginPage(page).signIn("admin@acme.test");
  await expect(page).toHaveURL(/\/acme$/);
  await page.getByRole("navigation").getByRole("link", { name: "Work orders" }).click();
  await expect(page).toHaveURL(/\/acme\/work-orders/);
  expect(violations).toEqual([]);
});
