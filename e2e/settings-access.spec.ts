// Who reaches Settings: only members whose role grants it. A Technician gets the same 404 as a stranger on
// every settings URL (pages and the CSV export) and a forged server-action POST is refused; an acme admin
// handed globex ids — in URLs or in forged actions — gets "not found" and changes nothing of globex.
import { expect, test, type Page } from "@playwright/test";
import { actionId, API_ACTIONS, forgeAction, GROUPS_ACTIONS, open, PROFILE_ACTIONS, ROLES_ACTIONS, SETTINGS_ACTIONS, signIn, USERS_ACTIONS } from "./settings/helpers";

/** Every page of the area, with real acme ids for the detail pages. */
const SETTINGS_PATHS = [
  "/acme/settings",
  "/acme/settings/users",
  "/acme/settings/roles",
  "/acme/settings/roles/new",
  "/acme/settings/roles/acme-role-technician",
  "/acme/settings/permission-groups",
  "/acme/settings/permission-groups/new",
  "/acme/settings/permission-groups/acme-group-ai-connectors",
  "/acme/settings/calendar",
  "/acme/settings/security",
  "/acme/settings/api",
  "/acme/settings/api/consumers/new",
  "/acme/settings/api/authorizations",
  "/acme/settings/log",
  "/acme/settings/log/export",
  "/acme/settings/account",
];

async function expect404(page: Page, path: string) {
  // The CSV export is a download, not a page: ask for it as a plain request.
  if (path.endsWith("/export")) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
    expect(await res.text(), path).not.toContain("time_utc");
    return;
  }
  const res = await open(page, path);
  expect(res?.status(), path).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
}

test("the admin reaches every settings page", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signIn(browser, "admin@acme.test");
  for (const path of SETTINGS_PATHS.filter((p) => !p.endsWith("/export"))) {
    const res = await open(admin, path);
    expect(res?.status(), path).toBe(200);
    await expect(admin.getByRole("heading", { level: 1, name: "Settings" }), path).toBeVisible();
  }
  await admin.context().close();
});

test("a Technician gets 404 on every settings URL and a forged action POST is refused", async ({ browser }) => {
  test.setTimeout(120_000);
  const tech = await signIn(browser, "tech@acme.test");
  await expect(tech.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  for (const path of SETTINGS_PATHS) await expect404(tech, path);

  // The requests a browser would send, with a Technician's valid session.
  const forbidden = { ok: false, error: "forbidden" };
  const forged: [string, string, unknown][] = [
    [USERS_ACTIONS, "changeRole", { membershipId: "acme-member-tech-acme", roleId: "acme-role-administrator" }],
    [USERS_ACTIONS, "addUser", { email: "intruder@evil.test", name: "Intruder", roleId: "acme-role-administrator" }],
    [ROLES_ACTIONS, "saveRole", { id: "acme-role-technician", name: "Technician", permissions: { settings: ["view", "edit"] } }],
    [GROUPS_ACTIONS, "saveGroup", { id: "acme-group-ai-connectors", name: "AI connectors", permissions: {} }],
    [SETTINGS_ACTIONS, "saveSecurity", { passwordMinLength: 8, sessionHours: 12, allowSelfRegisteredClients: false }],
    [API_ACTIONS, "addConsumer", { name: "Backdoor", authorizationCode: false, clientCredentials: true, confidential: true, redirectUris: [], permissionGroupId: "acme-group-ai-connectors" }],
  ];
  for (const [file, name, input] of forged) {
    expect(await forgeAction(tech.request, file, name, ["acme", input], "/acme"), name).toEqual(forbidden);
  }
  // Nothing changed: still a Technician, still no Settings.
  await expect404(tech, "/acme/settings");
  await tech.context().close();

  const admin = await signIn(browser, "admin@acme.test");
  await open(admin, "/acme/settings/users");
  await expect(admin.getByLabel("Role of Taylor Reyes")).toHaveValue("acme-role-technician");
  await expect(admin.getByRole("row").filter({ hasText: "intruder@evil.test" })).toHaveCount(0);
  await open(admin, "/acme/settings/api");
  await expect(admin.getByRole("link", { name: "Backdoor" })).toHaveCount(0);
  await admin.context().close();
});

test("an acme admin with globex ids: not found in every URL and action, and globex unchanged", async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await signIn(browser, "admin@acme.test");
  for (const path of [
    "/acme/settings/roles/globex-role-technician",
    "/acme/settings/permission-groups/globex-group-ai-connectors",
    "/acme/settings/api/consumers/globex-consumer-does-not-matter",
    "/globex/settings",
    "/globex/settings/log/export",
  ]) {
    await expect404(admin, path);
  }
  // Filtering by a globex user or consumer shows nothing of globex.
  await open(admin, "/acme/settings/api/authorizations?user=user-admin-globex");
  await expect(admin.getByText("No app authorizations")).toBeVisible();
  const csv = await admin.request.get("/acme/settings/log/export?user=user-admin-globex");
  expect((await csv.text()).trim().split("\r\n")).toHaveLength(1);

  const notFound = { ok: false, error: "not_found" };
  const forged: [string, string, unknown][] = [
    [USERS_ACTIONS, "changeRole", { membershipId: "globex-member-admin-globex", roleId: "acme-role-read_only" }],
    [USERS_ACTIONS, "changeRole", { membershipId: "acme-member-viewer-acme", roleId: "globex-role-administrator" }],
    [USERS_ACTIONS, "setActive", { membershipId: "globex-member-admin-globex", active: false }],
    [USERS_ACTIONS, "removeUser", { membershipId: "globex-member-admin-globex" }],
    [ROLES_ACTIONS, "removeRole", { id: "globex-role-technician" }],
    [GROUPS_ACTIONS, "saveGroup", { id: "globex-group-ai-connectors", name: "Hijacked", permissions: {} }],
    [GROUPS_ACTIONS, "removeGroup", { id: "globex-group-ai-connectors" }],
    [SETTINGS_ACTIONS, "removeHoliday", { id: "globex-holiday-01" }],
    [API_ACTIONS, "revokeAppAuthorization", { id: "globex-authorization-any" }],
    [API_ACTIONS, "rotateSecret", { id: "globex-consumer-any" }],
    [PROFILE_ACTIONS, "revokeConnectedApp", { id: "globex-authorization-any" }],
  ];
  for (const [file, name, input] of forged) {
    const result = await forgeAction(admin.request, file, name, ["acme", input], "/acme/settings");
    expect({ ok: result.ok, error: result.error }, `${name} ${JSON.stringify(input)}`).toEqual(notFound);
  }
  // Naming globex as the tenant: the tenant gate refuses before the action runs.
  const direct = await admin.request.post("/acme/settings", {
    headers: { "next-action": actionId("saveGeneral", SETTINGS_ACTIONS), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify(["globex", { name: "Hijacked", slug: "globex", timezone: "UTC", locale: "en", currency: "USD", workOrderPrefix: "X-" }]),
  });
  expect(await direct.text()).not.toContain('"ok":true');
  await admin.context().close();

  // Globex's admin sees their tenant exactly as seeded.
  const globex = await signIn(browser, "admin@globex.test");
  await open(globex, "/globex/settings");
  await expect(globex.getByLabel("Organisation name")).toHaveValue("Globex Utilities");
  await open(globex, "/globex/settings/users");
  await expect(globex.getByRole("row").filter({ hasText: "admin@globex.test" })).toContainText("Active");
  await expect(globex.getByLabel("Role of Daniel Kim")).toHaveValue("globex-role-technician");
  await open(globex, "/globex/settings/permission-groups");
  await expect(globex.getByRole("link", { name: "AI connectors" })).toBeVisible();
  await open(globex, "/globex/settings/roles");
  await expect(globex.getByRole("link", { name: "Technician", exact: true })).toBeVisible();
  await open(globex, "/globex/settings/calendar");
  await expect(globex.getByText("New Year's Day")).toBeVisible();
  await globex.context().close();
});
