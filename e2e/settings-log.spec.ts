// Settings → Transactions log: the admin's own changes show up, the filters (action, app, dates in the
// tenant's zone) narrow the list, and the CSV export carries exactly the filtered rows, escaped and with
// spreadsheet formulas defused.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { confirm, createConsumerInUi, open, signIn, uniq } from "./settings/helpers";

// Several browsers, real scrypt hashes and a 2-core machine shared by parallel runs: minutes, not seconds.
test.describe.configure({ timeout: 120_000 });

/** Today in Acme's time zone, as a date input wants it. */
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Chicago" }).format(new Date());
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

test("the log shows the admin's changes, filters them and exports exactly the filtered rows as safe CSV", async ({ browser }) => {
  const admin = await signIn(browser, "admin@acme.test");
  const id = uniq();
  // A name a spreadsheet would run as a formula, if the export did not defuse it.
  const consumerName = `=HYPERLINK("https://evil.test","x") ${id}`;
  await createConsumerInUi(admin, "acme", consumerName);
  const holiday = `E2E holiday ${id}`;
  await open(admin, "/acme/settings/calendar");
  await admin.getByLabel("Holiday name").fill(holiday);
  await admin.getByLabel("Date", { exact: true }).fill("2031-05-17");
  await admin.getByRole("button", { name: "Add holiday" }).click();
  await expect(admin.getByText("Holiday added.")).toBeVisible();
  await confirm(admin, admin.getByRole("button", { name: `Delete holiday ${holiday}` }), "Delete this holiday?", "Delete");
  await expect(admin.getByText(holiday)).toHaveCount(0);

  // Filter by action and today's date.
  await open(admin, "/acme/settings/log");
  await admin.getByLabel("Action", { exact: true }).selectOption("calendar.holiday.add");
  await admin.getByLabel("From", { exact: true }).fill(today());
  await admin.getByLabel("To", { exact: true }).fill(today());
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin).toHaveURL(/action=calendar.holiday.add/);
  const table = admin.getByRole("table", { name: "Transactions log" });
  await expect(table.getByRole("row").filter({ hasText: holiday })).toHaveCount(1);
  const actions = await table.locator("tbody tr td:nth-child(3)").allTextContents();
  expect(new Set(actions)).toEqual(new Set(["calendar.holiday.add"]));

  // A range that starts tomorrow has nothing yet.
  await admin.getByLabel("From", { exact: true }).fill(dayAfter(today()));
  await admin.getByLabel("To", { exact: true }).fill(dayAfter(today()));
  await admin.getByRole("button", { name: "Apply" }).click();
  await expect(admin.getByText("No entries match these filters.")).toBeVisible();

  // Filter by the app, then export: one row, the consumer's name defused.
  await admin.getByRole("link", { name: "Clear" }).click();
  await expect(admin).toHaveURL(/\/acme\/settings\/log$/);
  await expect(admin.getByLabel("From", { exact: true })).toHaveValue("");
  await admin.getByLabel("App", { exact: true }).selectOption({ label: consumerName });
  await admin.getByRole("button", { name: "Apply" }).click();
  const consumerRows = table.getByRole("row").filter({ hasText: "oauth.consumer.create" });
  await expect(consumerRows).toHaveCount(1);
  await expect(consumerRows).toContainText("Alex Morgan");
  const download = admin.waitForEvent("download");
  await admin.getByRole("link", { name: "Export CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^acme-transactions-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await file.path())!, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual(["time_utc", "actor_type", "user_email", "user_name", "consumer", "action", "entity", "entity_id", "before", "after", "ip"]);
  expect(rows).toHaveLength(1);
  const row = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
  expect(row).toMatchObject({ actor_type: "user", user_email: "admin@acme.test", action: "oauth.consumer.create", entity: "OAuthConsumer", consumer: `'${consumerName}` });
  expect(JSON.parse(row.after)).toMatchObject({ name: consumerName });
  expect(Date.now() - Date.parse(row.time_utc)).toBeLessThan(10 * 60_000);
  // The raw file: the quote-doubled, apostrophe-prefixed cell, never a bare leading "=".
  expect(text).toContain(`"'=HYPERLINK(""https://evil.test"",""x"") ${id}"`);
  expect(text).not.toMatch(/(^|,|\n)=HYPERLINK/);

  // The export itself is in the log.
  await open(admin, "/acme/settings/log?action=settings.log.export");
  await expect(table.getByRole("row").filter({ hasText: "settings.log.export" }).first()).toBeVisible();
  await admin.context().close();
});
