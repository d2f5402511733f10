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

  // Next's server-rendered scripts carry this response's nonce (scripts they load are trusted through
  // 'strict-dynamic'), so the page hydrates and the client-side form works.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const html = await res!.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`);

  await new LoginPage(page).signIn("admin@acme.test");
  await expect(page).toHaveURL(/\/acme$/);
  await page.getByRole("navigation").getByRole("link", { name: "Work orders" }).click();
  await expect(page).toHaveURL(/\/acme\/work-orders/);
  expect(violations).toEqual([]);
});
