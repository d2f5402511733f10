// Helpers for the Settings end-to-end tests: browser sign-in per user (each with its own client address, so
// sign-in rate limits never couple tests), forged server-action POSTs read from the build's action manifest,
// and a real MCP request to see whether a token still works.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type Browser, type Locator, type Page } from "@playwright/test";
import { LoginPage } from "../pages";
import { BASE, getCode, REDIRECT, Secrets, testIp, tokenCall } from "../oauth/helpers";

// Every secret these tests see, for the closing check that none of them reached the server log.
const secrets = new Secrets("settings");

export const uniq = () => randomBytes(4).toString("hex");

/**
 * page.goto, then waits until React has hydrated the page (its <main> carries a fiber): a click or a
 * select before that reaches a button with no handler yet, which on a loaded machine is seconds.
 */
export async function open(page: Page, path: string) {
  const res = await page.goto(path);
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return main !== null && Object.keys(main).some((k) => k.startsWith("__reactFiber"));
  });
  return res;
}

/** A signed-in browser page for `email`; close its context when done. */
export async function signIn(browser: Browser, email: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": testIp() } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(email, password);
  // Sign-in pays for a scrypt hash: seconds when the machine is busy.
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
  return page;
}

type Manifest = Record<string, { exportedName?: string; filename?: string }>;
let manifest: Manifest | null = null;

/** The id Next gave a server action, from the running build's manifest (what a browser would post). */
export function actionId(name: string, file: string): string {
  manifest ??= JSON.parse(
    fs.readFileSync(path.join(process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json"), "utf8"),
  ).node as Manifest;
  const entry = Object.entries(manifest).find(([, v]) => v.exportedName === name && v.filename === file);
  if (!entry) throw new Error(`no server action ${name} in ${file}`);
  return entry[0];
}

export type ActionResult = { ok: boolean; error?: string; message?: string; data?: unknown };

/**
 * POSTs a server action by hand, as an attacker with a valid session could: the same request the
 * browser sends (Next-Action header, arguments as JSON), with arguments of the attacker's choosing.
 */
export async function forgeAction(request: APIRequestContext, file: string, name: string, args: unknown[], from = "/"): Promise<ActionResult> {
  const res = await request.post(`${BASE}${from}`, {
    headers: { "next-action": actionId(name, file), "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: BASE },
    data: JSON.stringify(args),
  });
  const body = await res.text();
  // The reply is React's flight format: one numbered line per chunk; the action's return value is the one with `ok`.
  for (const line of body.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    if (json.startsWith("{") && json.includes('"ok"')) return JSON.parse(json) as ActionResult;
  }
  throw new Error(`no action result in ${res.status()} ${body.slice(0, 300)}`);
}

export const SETTINGS_ACTIONS = "app/(app)/[tenant]/settings/actions.ts";
export const USERS_ACTIONS = "app/(app)/[tenant]/settings/users/actions.ts";
export const ROLES_ACTIONS = "app/(app)/[tenant]/settings/roles/actions.ts";
export const GROUPS_ACTIONS = "app/(app)/[tenant]/settings/permission-groups/actions.ts";
export const API_ACTIONS = "app/(app)/[tenant]/settings/api/actions.ts";
export const PROFILE_ACTIONS = "app/(app)/[tenant]/profile/actions.ts";

/** An MCP `initialize` with the token: 200 while the token is good, 401 once it is not. */
export async function mcpStatus(accessToken: string): Promise<number> {
  const res = await fetch(`${BASE}/api/mcp`, {
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "fettle-e2e", version: "1.0.0" } },
    }),
  });
  await res.body?.cancel();
  return res.status;
}

/** Calls an MCP tool over plain HTTP (stateless streamable HTTP: JSON or one SSE event) and returns its result. */
export async function mcpTool(accessToken: string, name: string, args: Record<string, unknown> = {}) {
  const res = await fetch(`${BASE}/api/mcp`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${accessToken}`,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "mcp-protocol-version": "2025-06-18",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name, arguments: args } }),
  });
  const text = await res.text();
  expect(res.status, text).toBe(200);
  const json = text.trimStart().startsWith("{") ? text : (text.split("\n").find((l) => l.startsWith("data:")) ?? "").slice(5);
  return (JSON.parse(json) as { result: { structuredContent?: Record<string, unknown>; isError?: boolean } }).result;
}

/** Reads a read-only copy field (key, secret) by its label. */
export async function copyFieldValue(page: Page, label: string): Promise<string> {
  const value = await page.getByRole("textbox", { name: label, exact: true }).inputValue();
  expect(value).not.toBe("");
  return value;
}

/**
 * Opens a confirmation with `trigger`, confirms it with its named button and waits for it to close. The
 * click is retried until the dialog shows: on a loaded machine the first click can land before the page
 * has hydrated, when the button has no handler yet.
 */
export async function confirm(page: Page, trigger: Locator, title: string | RegExp, button: string) {
  const dialog = page.getByRole("dialog", { name: title });
  await expect(async () => {
    if (!(await dialog.isVisible())) await trigger.click();
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
}

/**
 * Creates a consumer through Settings → API connections (callback: the OAuth tests' REDIRECT, group: AI
 * connectors) and returns its key and one-time secret as the page showed them.
 */
export async function createConsumerInUi(page: Page, slug: string, name: string, opts: { clientCredentials?: boolean } = {}) {
  await open(page, `/${slug}/settings/api/consumers/new`);
  await page.getByLabel("Name", { exact: true }).fill(name);
  if (opts.clientCredentials) await page.getByRole("checkbox", { name: /Client credentials/ }).check();
  await page.getByRole("textbox", { name: "Callback URL 1", exact: true }).fill(REDIRECT);
  await page.getByLabel("Permissions").selectOption({ label: "AI connectors" });
  await page.getByRole("button", { name: "Create consumer" }).click();
  // Slow on purpose: the secret's scrypt hash (on a machine shared by parallel test runs).
  await expect(page.getByRole("heading", { name: `${name} is ready` })).toBeVisible({ timeout: 20_000 });
  const consumer = { clientId: await copyFieldValue(page, "Key"), secret: await copyFieldValue(page, "Secret") };
  secrets.add(consumer.secret);
  return consumer;
}

/** A user's consent in the browser session of `api`, then the code exchanged for tokens. */
export async function connectApp(api: APIRequestContext, consumer: { clientId: string; secret: string }, scope = "workorders:read assets:read") {
  const { code, verifier } = await getCode(api, { clientId: consumer.clientId, scope });
  const res = await tokenCall({
    params: { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT },
    basic: [consumer.clientId, consumer.secret],
    ip: testIp(),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  secrets.add(code, res.body.access_token, res.body.refresh_token);
  return res.body as { access_token: string; refresh_token: string };
}

/**
 * Whether a page of the app let this user in. By what it shows: a page that streams (a loading state)
 * has sent 200 before it can decide on a 404, so the status alone does not tell.
 */
export async function canOpen(page: Page, path: string): Promise<boolean> {
  await open(page, path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return (await page.getByRole("heading", { name: "Page not found" }).count()) === 0;
}

/** Waits for a toast and dismisses it, so the next identical message is a new one. */
export async function toast(page: Page, text: string) {
  const message = page.getByText(text, { exact: true });
  await expect(message).toBeVisible();
  await message.locator("..").getByRole("button", { name: "Dismiss" }).click();
  await expect(message).toHaveCount(0);
}
