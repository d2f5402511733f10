import { expect as baseExpect, type Browser, type Page, type TestInfo } from "@playwright/test";
import { LoginPage } from "../pages";

/** Server round trips (actions, navigations) on a busy CI machine can take longer than the default 5 s. */
export const expect = baseExpect.configure({ timeout: 15_000 });

/** Navigates and waits until the page's scripts have loaded, so controls react to the first click. */
export async function open(page: Page, path: string) {
  const res = await page.goto(path);
  await page.waitForLoadState("networkidle");
  return res;
}

/** A fresh browser context signed in as `email`, so several people can act side by side in one test. */
export async function signedIn(browser: Browser, email: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await new LoginPage(page).signInAndWait(email);
  return page;
}

/** Full-page screenshots at desktop and phone width, kept as test artifacts. */
export async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 });
    const path = testInfo.outputPath(`${name}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${width}`, { path, contentType: "image/png" });
    // Nothing may stick out sideways at phone width.
    if (width === 375) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The work order page, by its visible controls. */
export class WorkOrderPage {
  constructor(readonly page: Page) {}

  async goto(slug: string, code: string) {
    return open(this.page, `/${slug}/work-orders/${code}`);
  }

  heading() {
    return this.page.getByRole("heading", { level: 1 });
  }

  statusButton(name: string) {
    return this.page.getByRole("group", { name: "Actions" }).getByRole("button", { name, exact: true });
  }

  async move(name: string, toast: string) {
    await this.statusButton(name).click();
    await expect(this.page.getByText(toast)).toBeVisible();
  }

  async createAsAdmin(title: string): Promise<string> {
    const { page } = this;
    await open(page, "/acme/work-orders/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Type").selectOption({ label: "Inspection" });
    await page.getByLabel("Priority").selectOption({ label: "2 · High" });
    await page.getByRole("button", { name: "Add task" }).click();
    await page.getByRole("textbox", { name: "Task 1", exact: true }).fill("Inspect the mechanical seal");
    await page.getByRole("button", { name: "Add check" }).click();
    await page.getByRole("textbox", { name: "Check 1", exact: true }).fill("Guard fitted");
    await page.getByRole("button", { name: "Add check" }).click();
    await page.getByRole("textbox", { name: "Check 2", exact: true }).fill("Motor current (A)");
    await page.getByLabel("Answer type for check 2").selectOption({ label: "Number" });
    await page.getByRole("checkbox", { name: "Taylor Reyes" }).check();
    await page.getByRole("button", { name: "Create work order" }).click();
    await expect(page).toHaveURL(/\/acme\/work-orders\/WO-\d{6}$/);
    await expect(this.heading()).toHaveText(title);
    await page.waitForLoadState("networkidle");
    return decodeURIComponent(page.url().split("/").pop()!);
  }
}
