// Work orders in the browser: a technician works a fresh work order through to completion (checklist,
// task, time), it becomes read-only; a viewer gets no controls and a forged action is refused; the list's
// filters, sort and pages live in the URL; another tenant's work order is a 404.
import { test } from "@playwright/test";
import { expect, open, screenshots, signedIn, WorkOrderPage } from "./work-orders/pages";

test("a technician completes a work order with a checklist, a task and a time entry", async ({ browser }, testInfo) => {
  test.setTimeout(120_000);
  const admin = new WorkOrderPage(await signedIn(browser, "admin@acme.test"));
  const title = `E2E seal inspection ${Date.now()}`;
  const code = await admin.createAsAdmin(title);

  const tech = new WorkOrderPage(await signedIn(browser, "tech@acme.test"));
  const { page } = tech;
  // Find it the way a technician would: their own open work, by code.
  await open(page, "/acme/work-orders?assignee=me&status=open");
  await page.getByLabel("Search").fill(code);
  await page.getByLabel("Search").press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${code}`));
  await page.getByRole("link", { name: code }).first().click();
  await expect(tech.heading()).toHaveText(title);
  await page.waitForLoadState("networkidle");

  await tech.move("Start work", "Status changed to In progress.");
  await page.getByRole("checkbox", { name: "Inspect the mechanical seal" }).check();
  await expect(page.getByText("1 of 1 done")).toBeVisible();
  await page.getByRole("group", { name: "Guard fitted" }).getByText("Yes", { exact: true }).click();
  await expect(page.getByText("1 of 2 answered")).toBeVisible();
  const current = page.getByRole("textbox", { name: "Motor current (A)" });
  await current.fill("12,5");
  await page.getByRole("button", { name: "Save: Motor current (A)" }).click();
  await expect(page.getByText("2 of 2 answered")).toBeVisible();
  await expect(current).toHaveValue("12.5");

  await page.getByLabel("Minutes").fill("45");
  await page.getByRole("button", { name: "Log time" }).click();
  await expect(page.getByRole("region", { name: "Time entries" }).getByRole("cell", { name: "45 min" })).toBeVisible();

  await page.getByLabel("Add a comment").fill("Seal dry, guard refitted.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByText("Seal dry, guard refitted.").first()).toBeVisible();

  await tech.move("Send for review", "Status changed to In review.");
  // Technicians hold the edit right on work orders, which includes signing them off.
  await tech.statusButton("Complete").click();
  const dialog = page.getByRole("dialog", { name: `Complete ${code}?` });
  await dialog.getByRole("button", { name: "Complete work order" }).click();
  await expect(page.getByText(/Completed .*Completed work orders are read-only\./)).toBeVisible();

  // Read-only now: no status buttons, no edit link, no inputs of any kind, and the edit URL sends back.
  await page.reload();
  await expect(page.getByRole("group", { name: "Actions" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("button")).toHaveCount(0);
  await expect(page.getByText("12.5", { exact: true })).toBeVisible();
  await page.goto(`/acme/work-orders/${code}/edit`);
  await expect(page).toHaveURL(new RegExp(`/acme/work-orders/${code}$`));
  await screenshots(page, testInfo, "work-order-completed");
  await expect(page.getByRole("main").getByText("Time logged").first()).toBeVisible();
});

test("a viewer sees no edit controls, and a forged server action is refused", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const admin = new WorkOrderPage(await signedIn(browser, "admin@acme.test"));
  const code = await admin.createAsAdmin(`E2E viewer check ${Date.now()}`);
  // Record the admin's real "post comment" server action call, to replay it as the viewer.
  await admin.page.getByLabel("Add a comment").fill("Comment by the admin");
  const [request] = await Promise.all([
    admin.page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    admin.page.getByRole("button", { name: "Post comment" }).click(),
  ]);
  await expect(admin.page.getByText("Comment added.")).toBeVisible();

  const viewer = new WorkOrderPage(await signedIn(browser, "viewer@acme.test"));
  await viewer.goto("acme", code);
  await expect(viewer.heading()).toContainText("E2E viewer check");
  await expect(viewer.page.getByText("You can view this work order but not change it.")).toBeVisible();
  const main = viewer.page.getByRole("main");
  await expect(main.getByRole("button")).toHaveCount(0);
  await expect(main.getByRole("textbox")).toHaveCount(0);
  await expect(main.getByRole("checkbox")).toHaveCount(0);
  await expect(main.getByRole("combobox")).toHaveCount(0);
  await expect(main.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await screenshots(viewer.page, testInfo, "work-order-viewer");

  await viewer.page.goto("/acme/work-orders");
  await expect(viewer.page.getByRole("link", { name: "New work order" })).toHaveCount(0);
  for (const path of ["/acme/work-orders/new", `/acme/work-orders/${code}/edit`]) {
    expect((await viewer.page.goto(path))?.status(), path).toBe(404);
  }

  const forged = await viewer.page.request.post(request.url(), {
    headers: { "next-action": request.headers()["next-action"], "content-type": request.headers()["content-type"], accept: "text/x-component" },
    data: request.postData()!.replace("Comment by the admin", "Forged by the viewer"),
  });
  expect(await forged.text()).toContain('"error":"forbidden"');
  await viewer.goto("acme", code);
  await expect(viewer.page.getByText("Comment by the admin", { exact: true })).toBeVisible();
  await expect(viewer.page.getByText("Forged by the viewer")).toHaveCount(0);
});

test("list filters, sort and paging live in the URL", async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const page = await signedIn(browser, "admin@acme.test");
  await open(page, "/acme/work-orders");
  await page.locator("summary", { hasText: "Filters" }).click();
  await page.getByRole("checkbox", { name: "Completed" }).check();
  await expect(page).toHaveURL(/[?&]status=completed/);
  await page.getByLabel("Type").selectOption({ label: "Corrective" });
  await expect(page).toHaveURL(/type=corrective/);
  await page.getByLabel("Sort by").selectOption({ label: "Priority" });
  await expect(page).toHaveURL(/sort=priority/);
  // History only (due over a month ago), so work orders other tests create meanwhile don't shift the pages.
  const monthAgo = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("Due until").fill(monthAgo);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`due_to=${monthAgo}`));
  const count = await page.getByText(/^[\d,]+ work orders$/).textContent();

  const firstPage = await page.getByRole("table").getByRole("link").first().textContent();
  await page.getByRole("link", { name: "Next →" }).click();
  await expect(page).toHaveURL(/cursor=/);
  for (const part of ["status=completed", "type=corrective", "sort=priority", `due_to=${monthAgo}`]) expect(page.url()).toContain(part);
  const secondPage = await page.getByRole("table").getByRole("link").first().textContent();
  expect(secondPage).not.toBe(firstPage);

  // A reload (or a shared link) shows the same filters and the same page.
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Completed" })).toBeChecked();
  await expect(page.getByLabel("Type")).toHaveValue("corrective");
  await expect(page.getByLabel("Sort by")).toHaveValue("priority");
  await expect(page.getByLabel("Due until")).toHaveValue(monthAgo);
  await expect(page.getByText(count!)).toBeVisible();
  await expect(page.getByRole("table").getByRole("link").first()).toHaveText(secondPage!);

  await page.getByRole("link", { name: "← Previous" }).click();
  await expect(page).toHaveURL(/before=/);
  await expect(page.getByRole("table").getByRole("link").first()).toHaveText(firstPage!);
  await screenshots(page, testInfo, "work-order-list");

  await page.getByRole("link", { name: "Clear filters" }).first().click();
  await expect(page).toHaveURL(/\/acme\/work-orders$/);
  await expect(page.locator("summary", { hasText: "Filters" })).toContainText("0 filters");
  await expect(page.getByLabel("Sort by")).toHaveValue("newest");
});

test("an acme user opening a globex work order gets a 404 and none of its data", async ({ browser }) => {
  const page = await signedIn(browser, "admin@acme.test");
  for (const path of ["/acme/work-orders/globex-wo-000001", "/globex/work-orders/WO-000001", "/globex/work-orders/globex-wo-000001"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByText("Globex")).toHaveCount(0);
  }
  // A globex asset id in a filter finds nothing rather than leaking or failing.
  await page.goto("/acme/work-orders?asset=globex-asset-hil");
  await expect(page.getByText("No work orders match")).toBeVisible();
});
