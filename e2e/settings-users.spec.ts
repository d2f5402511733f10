// Settings → User accounts and Roles, as an admin clicks through them: add a user (a temporary password
// shown once), change their role and see the new rights on the user's next page load, a custom role edited
// as a module × action matrix, deactivate and remove. The test's own users only; the demo people are
// never changed.
import { expect, test, type Page } from "@playwright/test";
import { signedInApi } from "./oauth/helpers";
import { canOpen, confirm, connectApp, createConsumerInUi, forgeAction, mcpStatus, mcpTool, open, signIn, toast, uniq, USERS_ACTIONS } from "./settings/helpers";

// Several browsers, real scrypt hashes and a 2-core machine shared by parallel runs: minutes, not seconds.
test.describe.configure({ timeout: 120_000 });

async function addUser(admin: Page, name: string, email: string, role: string): Promise<string> {
  await open(admin, "/acme/settings/users");
  await admin.getByRole("button", { name: "Add user" }).click();
  const dialog = admin.getByRole("dialog", { name: "Add a user" });
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Role").selectOption({ label: role });
  await dialog.getByRole("button", { name: "Add user" }).click();
  const added = admin.getByRole("dialog", { name: "User added" });
  await expect(added).toContainText(`A new account was created for ${email}`, { timeout: 20_000 });
  const password = await added.getByRole("textbox", { name: "Temporary password", exact: true }).inputValue();
  expect(password.length).toBeGreaterThanOrEqual(20);
  await added.getByRole("button", { name: "Done" }).click();
  await expect(admin.getByRole("row").filter({ hasText: email })).toBeVisible();
  return password;
}

const roleSelect = (admin: Page, name: string) => admin.getByLabel(`Role of ${name}`);

test("admin adds a user and changes their role; the new rights apply on the user's next page load", async ({ browser }) => {
  const admin = await signIn(browser, "admin@acme.test");
  const id = uniq();
  const name = `E2E Member ${id}`;
  const email = `e2e-member-${id}@acme.test`;
  const password = await addUser(admin, name, email, "Technician");

  // The temporary password signs in; a Technician has no Settings.
  const user = await signIn(browser, email, password);
  await expect(user).toHaveURL(/\/acme$/);
  expect((await open(user, "/acme/settings"))?.status()).toBe(404);
  await expect(user.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);

  await roleSelect(admin, name).selectOption({ label: "Administrator" });
  await toast(admin, `${name}'s role changed.`);
  const asAdmin = await open(user, "/acme/settings/users");
  expect(asAdmin?.status()).toBe(200);
  await expect(user.getByRole("heading", { name: "User accounts" })).toBeVisible();

  await roleSelect(admin, name).selectOption({ label: "Requester" });
  await toast(admin, `${name}'s role changed.`);
  expect((await open(user, "/acme/settings"))?.status()).toBe(404);
  expect(await canOpen(user, "/acme/work-orders")).toBe(false);
  expect(await canOpen(user, "/acme/requests")).toBe(true);

  // Deactivated: locked out of the tenant at once. Reactivated: back. Removed: gone from the list.
  const row = admin.getByRole("row").filter({ hasText: email });
  await confirm(admin, row.getByRole("button", { name: `Deactivate ${name}` }), `Deactivate ${name}?`, "Deactivate");
  await expect(row).toContainText("Deactivated");
  expect(await canOpen(user, "/acme/requests")).toBe(false);
  await row.getByRole("button", { name: `Reactivate ${name}` }).click();
  await expect(row).toContainText("Active");
  expect(await canOpen(user, "/acme/requests")).toBe(true);
  await confirm(admin, row.getByRole("button", { name: `Remove ${name}` }), `Remove ${name} from this organisation?`, "Remove");
  await expect(admin.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  expect((await open(user, "/acme"))?.status()).toBe(404);
  await admin.context().close();
  await user.context().close();
});

test("an admin can't change their own role or remove themselves, not even with a forged request", async ({ browser }) => {
  const admin = await signIn(browser, "admin@acme.test");
  await open(admin, "/acme/settings/users");
  const own = admin.getByRole("row").filter({ hasText: "admin@acme.test" });
  await expect(own).toContainText("You");
  await expect(own.getByRole("combobox")).toHaveCount(0);
  await expect(own.getByRole("button")).toHaveCount(0);
  const self = { ok: false, error: "conflict", message: "self" };
  const membershipId = "acme-member-admin-acme";
  expect(await forgeAction(admin.request, USERS_ACTIONS, "setActive", ["acme", { membershipId, active: false }], "/acme/settings/users")).toEqual(self);
  expect(await forgeAction(admin.request, USERS_ACTIONS, "removeUser", ["acme", { membershipId }], "/acme/settings/users")).toEqual(self);
  expect(
    await forgeAction(admin.request, USERS_ACTIONS, "changeRole", ["acme", { membershipId, roleId: "acme-role-read_only" }], "/acme/settings/users"),
  ).toEqual(self);
  await admin.reload();
  await expect(own).toContainText("Administrator");
  await expect(own).toContainText("Active");
  await admin.context().close();
});

test("a custom role is edited as a matrix and grants exactly what is ticked; built-in roles are read-only", async ({ browser }) => {
  const admin = await signIn(browser, "admin@acme.test");
  const roleName = `E2E Planner ${uniq()}`;
  await open(admin, "/acme/settings/roles");
  await admin.getByRole("link", { name: "New role" }).click();
  await admin.getByLabel("Name").fill(roleName);
  const matrix = admin.getByRole("table", { name: "Rights of this role" });
  // Ticking "Create" ticks "View" too: there is no editing what you cannot see.
  await matrix.getByRole("checkbox", { name: "Create Maintenance plans" }).check();
  await expect(matrix.getByRole("checkbox", { name: "View Maintenance plans" })).toBeChecked();
  await matrix.getByRole("checkbox", { name: "View Work orders" }).check();
  await expect(matrix.getByRole("checkbox", { name: "Create Metrics" })).toHaveCount(0);
  await admin.getByRole("button", { name: "Create role" }).click();
  await expect(admin).toHaveURL(/\/acme\/settings\/roles$/, { timeout: 20_000 });
  const row = admin.getByRole("row").filter({ hasText: roleName });
  await expect(row).toContainText("Custom");
  await expect(row).toContainText("Work orders, Maintenance plans");

  // Give the role to a new member: they see exactly work orders and plans.
  const id = uniq();
  const name = `E2E Planner User ${id}`;
  const email = `e2e-planner-${id}@acme.test`;
  const password = await addUser(admin, name, email, "Read-only");
  await roleSelect(admin, name).selectOption({ label: roleName });
  await toast(admin, `${name}'s role changed.`);
  const user = await signIn(browser, email, password);
  const nav = user.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Work orders" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Plans" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Assets" })).toHaveCount(0);
  expect(await canOpen(user, "/acme/assets")).toBe(false);
  expect(await canOpen(user, "/acme/plans")).toBe(true);

  // Edit the matrix: drop plans; the member loses them on their next page load.
  await open(admin, "/acme/settings/roles");
  await admin.getByRole("link", { name: roleName }).click();
  await admin.getByRole("table", { name: "Rights of this role" }).getByRole("checkbox", { name: "View Maintenance plans" }).uncheck();
  await expect(admin.getByRole("checkbox", { name: "Create Maintenance plans" })).not.toBeChecked();
  await admin.getByRole("button", { name: "Save role" }).click();
  await expect(admin).toHaveURL(/\/acme\/settings\/roles$/, { timeout: 20_000 });
  await expect(admin.getByRole("row").filter({ hasText: roleName })).toContainText("Work orders");
  await expect(admin.getByRole("row").filter({ hasText: roleName })).not.toContainText("Maintenance plans");
  expect(await canOpen(user, "/acme/plans")).toBe(false);

  // In use, the role can't be deleted; once nobody has it, it can.
  await admin.getByRole("link", { name: roleName }).click();
  await admin.getByRole("button", { name: "Delete role" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Delete role" }).click();
  await admin.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await toast(admin, "Members still have this role. Give them another role first.");
  await open(admin, "/acme/settings/users");
  await confirm(admin, admin.getByRole("row").filter({ hasText: email }).getByRole("button", { name: `Remove ${name}` }), `Remove ${name} from this organisation?`, "Remove");
  await open(admin, "/acme/settings/roles");
  await admin.getByRole("link", { name: roleName }).click();
  await confirm(admin, admin.getByRole("button", { name: "Delete role" }), `Delete the role ${roleName}?`, "Delete role");
  await expect(admin).toHaveURL(/\/acme\/settings\/roles$/, { timeout: 20_000 });
  await expect(admin.getByRole("link", { name: roleName })).toHaveCount(0);

  // Built-in profiles: visible, not editable.
  await admin.getByRole("link", { name: "Technician", exact: true }).click();
  await expect(admin.getByText("A built-in profile: it can't be changed.")).toBeVisible();
  await expect(admin.getByRole("checkbox", { name: "View Work orders" })).toBeDisabled();
  await expect(admin.getByRole("button", { name: "Save role" })).toHaveCount(0);
  await admin.context().close();
  await user.context().close();
});

test("downgrading a member immediately narrows what their existing tokens can do", async ({ browser }) => {
  const admin = await signIn(browser, "admin@acme.test");
  const id = uniq();
  const name = `E2E Token Holder ${id}`;
  const email = `e2e-token-${id}@acme.test`;
  const password = await addUser(admin, name, email, "Technician");
  const consumer = await createConsumerInUi(admin, "acme", `E2E role-change app ${id}`);
  const api = await signedInApi(browser, email, password);
  const { access_token } = await connectApp(api, consumer, "workorders:read workorders:write assets:read");
  await api.dispose();
  const rights = async () => ((await mcpTool(access_token, "whoami")).structuredContent as { permissions: string[] }).permissions;
  // AI connectors (read + write, no delete) ∩ Technician ∩ the scopes granted.
  expect(await rights()).toEqual(["assets:view", "workorders:create", "workorders:edit", "workorders:view"]);

  await open(admin, "/acme/settings/users");
  await roleSelect(admin, name).selectOption({ label: "Read-only" });
  await toast(admin, `${name}'s role changed.`);
  // The same token, on its very next call.
  expect(await rights()).toEqual(["assets:view", "workorders:view"]);

  await confirm(admin, admin.getByRole("row").filter({ hasText: email }).getByRole("button", { name: `Remove ${name}` }), `Remove ${name} from this organisation?`, "Remove");
  expect(await mcpStatus(access_token)).toBe(401);
  await admin.context().close();
});
