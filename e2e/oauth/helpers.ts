// Helpers for the OAuth end-to-end tests: PKCE, the token endpoint over plain fetch, the authorization
// endpoint over HTTP with a signed-in session, consumers via lib/data (a separate process), and an owner
// SQL connection for what only a database can show (hashes, expiry, deactivating a test's own user).
import { execFile, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, request, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { openSql, type Sql } from "@/lib/db/sql";
import { LoginPage } from "../pages";
import type { ConsumerOp } from "./consumers";

export const BASE = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
export const RESOURCE = `${BASE}/api/mcp`;
export const REDIRECT = "https://client.example.test/cb";

/** Tests that need the database itself (PGlite is held by the server process, PostgreSQL is not). */
export const HAS_DB = Boolean(process.env.DATABASE_URL);
export const NEEDS_DB = "needs DATABASE_URL (PostgreSQL): PGlite cannot be opened beside the running server";

/**
 * Every raw secret a test file saw, for its closing database scan. Kept in a file per run and spec, since
 * Playwright replaces a worker (and its memory) after a failed test.
 */
export class Secrets {
  private readonly file: string;
  constructor(spec: string) {
    // In the run's results folder when there is one: scripts/test.mjs then checks the server log for them.
    const run = createHash("sha256").update(process.env.DATABASE_URL ?? process.env.PGLITE_DIR ?? "").digest("hex").slice(0, 16);
    const dir = process.env.TEST_RESULTS_DIR ? path.join(process.env.TEST_RESULTS_DIR, "secrets") : path.join(os.tmpdir(), "fettle-oauth-e2e", run);
    this.file = path.join(dir, `${spec}.txt`);
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
  }
  add(...values: (string | null | undefined)[]) {
    const lines = values.filter((v): v is string => Boolean(v)).map((v) => `${v}\n`).join("");
    if (lines) fs.appendFileSync(this.file, lines);
  }
  get values(): Set<string> {
    return new Set(fs.existsSync(this.file) ? fs.readFileSync(this.file, "utf8").split("\n").filter(Boolean) : []);
  }
}

export function pkce() {
  const verifier = randomBytes(32).toString("base64url");
  const challenge = createHash("sha256").update(verifier).digest("base64url");
  return { verifier, challenge };
}

/** A per-test client address, so rate limits of one test never touch another (clientIp reads it). */
export const testIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

type ConsumerResult = { id: string; clientId: string; clientSecret: string | null };
const consumerScript = () => [
  path.join(process.cwd(), "node_modules/.bin/tsx"),
  ["--conditions", "react-server", path.join(process.cwd(), "e2e/oauth/consumers.ts")],
] as const;

/**
 * Prefer this to `consumers`: while a synchronous child process blocks the worker, the server can close
 * idle keep-alive sockets unnoticed, and the next fetch then fails with "other side closed".
 */
export async function consumerOps(ops: ConsumerOp[]): Promise<ConsumerResult[]> {
  const [bin, args] = consumerScript();
  const { stdout } = await promisify(execFile)(bin, [...args, JSON.stringify(ops)], { encoding: "utf8", env: process.env });
  return JSON.parse(stdout);
}

export function consumers(ops: ConsumerOp[]): ConsumerResult[] {
  const [bin, args] = consumerScript();
  const res = spawnSync(bin, [...args, JSON.stringify(ops)], { encoding: "utf8", env: process.env });
  if (res.status !== 0) throw new Error(`consumers script failed: ${res.stderr}`);
  return JSON.parse(res.stdout);
}

/** Sign-in can take a while on a loaded machine; wait for it longer than expect's default. */
export async function signIn(page: Page, email: string, password?: string) {
  await new LoginPage(page).signIn(email, password);
  await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
}

export const ownerSql = (): Promise<Sql> => openSql(process.env.DATABASE_URL);

export interface TokenCall {
  params: Record<string, string>;
  basic?: [string, string];
  ip?: string;
  path?: string;
}

export async function tokenCall({ params, basic, ip, path: endpoint = "/api/oauth/token" }: TokenCall) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic[0])}:${encodeURIComponent(basic[1])}`).toString("base64")}`;
  if (ip) headers["x-forwarded-for"] = ip;
  const res = await fetch(`${BASE}${endpoint}`, { method: "POST", headers, body: new URLSearchParams(params) });
  const text = await res.text();
  let body: Record<string, string> = {};
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body, headers: res.headers };
}

/** A browser sign-in whose cookies then drive plain HTTP requests to the authorization endpoint. */
export async function signedInApi(browser: Browser, email: string, password?: string) {
  const ip = testIp();
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const page = await context.newPage();
  await new LoginPage(page).goto();
  await signIn(page, email, password);
  const storageState = await context.storageState();
  await context.close();
  return request.newContext({ baseURL: BASE, storageState, extraHTTPHeaders: { "x-forwarded-for": ip } });
}

const unescapeHtml = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The consent form's fields, read from the page as a browser would submit them. */
export function consentFields(html: string): { fields: [string, string][]; tenants: string[] } {
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], unescapeHtml(m[2])] as [string, string]);
  const tenants = [...html.matchAll(/<option value="([^"]+)">/g)].map((m) => unescapeHtml(m[1]));
  return { fields, tenants };
}

export interface AuthorizeOptions {
  clientId: string;
  challenge: string;
  redirectUri?: string;
  scope?: string;
  state?: string;
  extra?: Record<string, string>;
  decision?: "approve" | "deny";
  /** pick this tenant id in the Account select; default: the first offered */
  tenantId?: string;
  grant?: string[];
}

export function authorizeQuery(o: AuthorizeOptions): string {
  const q = new URLSearchParams({
    response_type: "code",
    client_id: o.clientId,
    redirect_uri: o.redirectUri ?? REDIRECT,
    code_challenge: o.challenge,
    code_challenge_method: "S256",
    state: o.state ?? "st-" + randomBytes(4).toString("hex"),
    resource: RESOURCE,
    ...(o.scope ? { scope: o.scope } : {}),
    ...o.extra,
  });
  return q.toString();
}

/** GET /oauth/authorize; when the consent page shows, submit it. Returns where the client is sent. */
export async function authorize(api: APIRequestContext, o: AuthorizeOptions): Promise<{ location: URL; consent: boolean }> {
  const res = await api.get(`/oauth/authorize?${authorizeQuery(o)}`, { maxRedirects: 0 });
  if (res.status() === 303) return { location: new URL(res.headers().location, BASE), consent: false };
  expect(res.status(), await res.text()).toBe(200);
  const { fields, tenants } = consentFields(await res.text());
  const form = new URLSearchParams(fields);
  if (!form.has("tenant")) form.set("tenant", o.tenantId ?? tenants[0]);
  else if (o.tenantId) form.set("tenant", o.tenantId);
  for (const g of o.grant ?? []) form.append("grant", g);
  form.set("decision", o.decision ?? "approve");
  const post = await api.post("/oauth/authorize", {
    data: form.toString(),
    headers: { "content-type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  expect(post.status(), await post.text()).toBe(303);
  return { location: new URL(post.headers().location, BASE), consent: true };
}

/** Authorizes and returns a fresh code with its verifier. */
export async function getCode(api: APIRequestContext, o: Omit<AuthorizeOptions, "challenge">) {
  const { verifier, challenge } = pkce();
  const { location } = await authorize(api, { ...o, challenge });
  const code = location.searchParams.get("code");
  expect(code, location.toString()).toBeTruthy();
  return { code: code!, verifier, location };
}

export async function registerClient(body: Record<string, unknown>, ip = testIp()) {
  const res = await fetch(`${BASE}/api/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": ip },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string>, headers: res.headers };
}

/** Scans every text-like column of every table for any of `secrets` (owner connection: RLS does not hide rows). */
export async function findSecretsInDatabase(secrets: Iterable<string>): Promise<string[]> {
  const list = [...secrets];
  if (!list.length) return [];
  const sql = await ownerSql();
  try {
    const columns = await sql.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`,
    );
    const hits: string[] = [];
    for (const c of columns) {
      const [row] = await sql.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${c.table_name}" t
          WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE strpos(t."${c.column_name}"::text, s) > 0)`,
        [list],
      );
      if (row.n > 0) hits.push(`${c.table_name}.${c.column_name}`);
    }
    return hits;
  } finally {
    await sql.close();
  }
}
