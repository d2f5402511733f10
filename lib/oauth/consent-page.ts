// The consent and error pages of the authorization endpoint, rendered on the server as plain HTML from
// the route handler: that is where the response headers that matter here can be set (frame-ancestors
// 'none' against clickjacking, no-store, no referrer), and the form works without JavaScript.
import { getLocale, getTranslations } from "next-intl/server";
import type { Client } from "@/lib/data/oauth-clients";
import type { TenantOption } from "@/lib/data/oauth-grants";
import type { PageError } from "./authorize";
import { ENDPOINTS } from "./config";

/** Anti-clickjacking (RFC 6749 §10.13) and no caching of pages that carry a CSRF token. */
export const PAGE_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
  "X-Frame-Options": "DENY",
  "Cache-Control": "no-store",
  Pragma: "no-cache",
  "Referrer-Policy": "no-referrer",
} as const;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
class Html {
  constructor(readonly value: string) {}
}
const escape = (v: unknown): string =>
  v instanceof Html ? v.value : Array.isArray(v) ? v.map(escape).join("") : String(v ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
/** Tagged template: every interpolated value is escaped unless it is already Html. */
function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? escape(values[i]) : ""), ""));
}

const STYLE = `
body{margin:0;font:15px/1.5 system-ui,sans-serif;background:#f4f4f5;color:#18181b}
main{max-width:28rem;margin:3rem auto;padding:0 1rem}
.card{background:#fff;border:1px solid #e4e4e7;border-radius:.75rem;padding:1.5rem;box-shadow:0 1px 2px #0000000d}
h1{font-size:1.15rem;margin:0 0 .75rem}.brand{font-weight:600;color:#0f766e;margin-bottom:1rem}
.muted{color:#52525b;font-size:.875rem}.warn{background:#fffbeb;border:1px solid #fcd34d;border-radius:.5rem;padding:.5rem .75rem;font-size:.875rem}
ul{padding-left:1.2rem}label{display:block;font-weight:500;margin:.75rem 0 .25rem}
select{width:100%;height:2.5rem;border:1px solid #d4d4d8;border-radius:.375rem;padding:0 .5rem;background:#fff}
.check label{display:inline;font-weight:400;margin:0}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}
button{flex:1;height:2.5rem;border-radius:.375rem;font-weight:500;font-size:.9rem;cursor:pointer;border:1px solid #d4d4d8;background:#fff}
button.primary{background:#0f766e;border-color:#0f766e;color:#fff}`;

function page(lang: string, title: string, body: Html, status = 200): Response {
  const doc = html`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${new Html(STYLE)}</style></head><body><main><div class="card"><div class="brand">Fettle</div>${body}</div></main></body></html>`;
  return new Response(doc.value, { status, headers: PAGE_HEADERS });
}

export async function errorPage(kind: PageError | "csrf" | "no_account" | "server_error", status = 400): Promise<Response> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("oauth.errors")]);
  return page(locale, t("title"), html`<h1>${t("title")}</h1><p role="alert">${t(kind)}</p>`, status);
}

export interface ConsentView {
  client: Client;
  userEmail: string;
  tenants: TenantOption[];
  scopes: string[];
  /** the user ticks which scopes to grant (consumers with dynamic permissions) */
  dynamic: boolean;
  redirectUri: string;
  params: Record<string, string>;
  csrf: string;
}

export async function consentPage(v: ConsentView): Promise<Response> {
  const [locale, t, ts] = await Promise.all([getLocale(), getTranslations("oauth.consent"), getTranslations("oauth.scopes")]);
  const host = new URL(v.redirectUri).host;
  const name = v.client.name;
  const scopeText = (scope: string) => {
    const [module, level] = scope.split(":") as [string, string];
    return ts(`${module}.${level}` as Parameters<typeof ts>[0]);
  };
  const permissions = v.dynamic
    ? html`<p class="muted">${t("dynamicHint")}</p>${v.scopes.map((s, i) => html`<div class="check"><input type="checkbox" name="grant" value="${s}" id="grant-${i}" checked> <label for="grant-${i}">${scopeText(s)}</label></div>`)}`
    : html`<ul>${v.scopes.map((s) => html`<li>${scopeText(s)}</li>`)}</ul>`;
  const account =
    v.tenants.length > 1
      ? html`<label for="tenant">${t("account")}</label><select id="tenant" name="tenant">${v.tenants.map((o) => html`<option value="${o.id}">${o.name}</option>`)}</select>`
      : html`<p><strong>${t("account")}:</strong> ${v.tenants[0].name}</p><input type="hidden" name="tenant" value="${v.tenants[0].id}">`;
  const links = [
    v.client.privacyPolicyUrl ? html`<a href="${v.client.privacyPolicyUrl}" rel="noopener noreferrer">${t("privacy")}</a>` : null,
    v.client.termsUrl ? html`<a href="${v.client.termsUrl}" rel="noopener noreferrer">${t("terms")}</a>` : null,
  ].filter(Boolean);
  const body = html`
<h1>${t("title", { client: name })}</h1>
<p>${t("intro", { client: name })}</p>
${v.client.tenantId ? "" : html`<p class="warn">${t("selfRegistered")}</p>`}
<form method="post" action="${ENDPOINTS.authorization}">
${Object.entries(v.params).map(([k, val]) => html`<input type="hidden" name="${k}" value="${val}">`)}
<input type="hidden" name="csrf_token" value="${v.csrf}">
${account}
<p><strong>${t("permissionsTitle")}</strong></p>
${permissions}
<p class="muted">${t("roleLimit")}</p>
<p class="muted">${t("redirect", { host })}</p>
${links.length ? html`<p class="muted">${links}</p>` : ""}
<p class="muted">${t("signedInAs", { email: v.userEmail })}</p>
<div class="actions"><button type="submit" name="decision" value="deny">${t("deny")}</button><button type="submit" name="decision" value="approve" class="primary">${t("authorize")}</button></div>
</form>`;
  return page(locale, t("title", { client: name }), body);
}
