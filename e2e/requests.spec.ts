// Work requests in the browser: a Requester files one, an admin approves it into a work order (or rejects
// it with a reason) and the Requester sees the outcome. Each test files its own requests, so the shared
// demo data other specs rely on is left alone.
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

async function fileRequest(page: Page, description: string, equipment?: string): Promise<string> {
  await page.goto("/acme/requests/new");
  await page.getByLabel("What is the problem?").fill(description);
  if (equipment) await page.getByLabel("Equipment").selectOption({ label: equipment });
  await page.getByRole("checkbox", { name: /Urgent/ }).check();
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page).toHaveURL(/\/acme\/requests\/(?!new)[^/?]+$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Request REQ-\d{5}$/);
  return (await heading.textContent())!.replace("Request ", "");
}

test("a requester files a request, an admin turns it into a work order, the requester sees it approved", async ({ browser }, testInfo) => {
  const requester = await signedIn(browser, "requester@acme.test", 375);
  const description = `E2E ${Date.now()}: hydraulic oil dripping under the press`;
  const code = await fileRequest(requester, description, "L1-PRS-01 — Hydraulic Press 400 t");
  await expect(requester.getByText("Waiting for the maintenance team to review it.")).toBeVisible();
  await expect(requester.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  await requester.screenshot({ path: testInfo.outputPath("request-filed-375.png"), fullPage: true });

  // The requester's list is "My requests" and holds it.
  await requester.goto("/acme/requests");
  await expect(requester.getByRole("heading", { level: 1 })).toHaveText("My requests");
  await expect(requester.getByRole("link", { name: code })).toBeVisible();

  const admin = await signedIn(browser, "admin@acme.test");
  await admin.goto(`/acme/requests?status=open&q=${encodeURIComponent(code)}`);
  await admin.getByRole("button", { name: `Approve ${code}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Approve ${code}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Work order title")).toHaveValue(description);
  await expect(dialog.getByLabel("Priority")).toHaveValue("2"); // urgent → high
  await admin.screenshot({ path: testInfo.outputPath("request-approve-dialog-1280.png") });
  await dialog.getByRole("button", { name: "Create work order" }).click();
  const toast = admin.getByText(new RegExp(`^${code} approved: work order WO-\\d{6} created\\.$`));
  await expect(toast).toBeVisible();
  const workOrder = (await toast.textContent())!.match(/WO-\d{6}/)![0];
  await expect(dialog).toBeHidden();

  // Approving twice is impossible: the request left the open list.
  await admin.reload();
  await expect(admin.getByRole("button", { name: `Approve ${code}` })).toHaveCount(0);

  await requester.goto("/acme/requests");
  const card = requester.getByRole("listitem").filter({ hasText: code });
  await expect(card.getByText("Approved", { exact: true })).toBeVisible();
  await expect(card.getByText(workOrder)).toBeVisible();
  await requester.getByRole("link", { name: code }).click();
  await expect(requester.getByText(`Approved. The work is planned in work order ${workOrder}`)).toBeVisible();
  await requester.screenshot({ path: testInfo.outputPath("request-approved-375.png"), fullPage: true });
});

test("an admin rejects with a reason that the requester sees; the requester can cancel their own", async ({ browser }) => {
  const requester = await signedIn(browser, "requester@acme.test");
  const rejected = await fileRequest(requester, `E2E ${Date.now()}: coffee machine in the canteen`);
  const admin = await signedIn(browser, "admin@acme.test");
  await admin.goto(`/acme/requests/${encodeURIComponent(rejected)}`);
  await admin.getByRole("button", { name: `Reject ${rejected}` }).click();
  const dialog = admin.getByRole("dialog", { name: `Reject ${rejected}?` });
  await dialog.getByRole("button", { name: "Reject request" }).click();
  await expect(dialog.getByText("Give a reason (up to 1000 characters).")).toBeVisible();
  await dialog.getByLabel("Reason").fill("Facilities handles the canteen");
  await dialog.getByRole("button", { name: "Reject request" }).click();
  await expect(admin.getByText(`${rejected} rejected.`)).toBeVisible();

  await requester.reload();
  await expect(requester.getByText("Rejected: Facilities handles the canteen")).toBeVisible();

  const mine = await fileRequest(requester, `E2E ${Date.now()}: filed by mistake`);
  await requester.getByRole("button", { name: "Cancel request" }).click();
  await requester.getByRole("dialog").getByRole("button", { name: "Cancel request" }).click();
  await expect(requester.getByText(`${mine} cancelled.`)).toBeVisible();
  await expect(requester.getByText("Cancelled by the requester.")).toBeVisible();
});

test("a read-only user sees requests without triage controls", async ({ browser }) => {
  const viewer = await signedIn(browser, "viewer@acme.test");
  await viewer.goto("/acme/requests");
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("Requests");
  await expect(viewer.getByRole("link", { name: /^REQ-\d{5}$/ }).first()).toBeVisible();
  await expect(viewer.getByRole("button", { name: /^Approve/ })).toHaveCount(0);
  await expect(viewer.getByRole("link", { name: "New request" })).toHaveCount(0);
  expect((await viewer.goto("/acme/requests/new"))?.status()).toBe(404);
});

test("an acme user gets a 404 for globex requests, by URL or by id", async ({ browser }) => {
  const admin = await signedIn(browser, "admin@acme.test");
  for (const path of ["/globex/requests", "/globex/requests/globex-request-00001", "/acme/requests/globex-request-00001"]) {
    const res = await admin.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(admin.getByText("Globex")).toHaveCount(0);
  }
});
