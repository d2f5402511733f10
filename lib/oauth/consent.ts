// The authorization endpoint's decisions (OAuth 2.1 §4.1.1–4.1.2): sign-in, choice of tenant, consent
// (skipped when an earlier consent covers the request), then a code. Every redirect is a 303, so a
// browser never re-POSTs the consent form to the client (OAuth 2.1 §7.5.3).
import { clientIp, getSession } from "@/lib/auth/session";
import { eligibleTenants, grantCode, recordDenial, tenantGrantContext, type TenantOption } from "@/lib/data/oauth-grants";
import { validateAuthorizeRequest, clientRedirect, errorRedirect, REQUEST_PARAMS, type AuthorizeRequest } from "./authorize";
import { CODE_TTL_SECONDS, ENDPOINTS, issuer } from "./config";
import { consentPage, errorPage } from "./consent-page";
import { consentToken, verifyConsentToken } from "./csrf";
import { permissionsForScopes } from "./rights";
import { isSubset, SCOPES } from "./scopes";
import { newSecret, PREFIX, sha256 } from "./tokens";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

/** The scopes this request gets in a tenant: as asked (capped by what is allowed), or all that is allowed. */
function resolveScopes(requested: string[] | null, allowed: string[]): string[] {
  return (requested ? requested.filter((s) => allowed.includes(s)) : allowed).sort();
}

async function issueCode(request: AuthorizeRequest, tenantId: string, userId: string, scopes: string[], ip: string | null, remembered: boolean, dynamic: boolean) {
  const code = newSecret(PREFIX.code);
  await grantCode({
    tenantId,
    userId,
    client: request.client,
    scopes,
    permissions: dynamic ? permissionsForScopes(scopes) : undefined,
    codeHash: sha256(code),
    codeChallenge: request.codeChallenge,
    redirectUri: request.redirectUri,
    resource: request.resource,
    expiresAt: new Date(Date.now() + CODE_TTL_SECONDS * 1000),
    ip,
    remembered,
  });
  return seeOther(clientRedirect(request.redirectUri, { code, state: request.state }));
}

const isDynamic = (request: AuthorizeRequest, tenantId: string) => request.client.dynamicPermissions && request.client.tenantId === tenantId;

export async function handleAuthorizeGet(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const check = await validateAuthorizeRequest(url.searchParams);
  if (!check.ok) return "page" in check ? errorPage(check.page) : seeOther(check.redirect);
  const { request } = check;

  const user = await getSession();
  if (!user) return seeOther(`/login?callbackUrl=${encodeURIComponent(`${ENDPOINTS.authorization}${url.search}`)}`);

  const tenants = await eligibleTenants(user.id, request.client);
  const options: { tenant: TenantOption; scopes: string[]; remembered: string[] | null }[] = [];
  for (const tenant of tenants) {
    const context = await tenantGrantContext(tenant.id, user.id, request.client);
    const scopes = context ? resolveScopes(request.scopes, context.allowedScopes) : [];
    if (context && scopes.length) options.push({ tenant, scopes, remembered: context.rememberedScopes });
  }
  if (options.length === 0) {
    return seeOther(errorRedirect(request.redirectUri, request.state, "access_denied", "No account of this user can grant this request"));
  }
  // Remembered consent: one possible account, and an earlier grant there that covers every scope asked for.
  const [only] = options;
  if (options.length === 1 && only.remembered && isSubset(only.scopes, only.remembered)) {
    return issueCode(request, only.tenant.id, user.id, only.scopes, clientIp(req.headers), true, false);
  }
  return consentPage({
    client: request.client,
    userEmail: user.email,
    tenants: options.map((o) => o.tenant),
    // Listed in the contract's module order, so read and write of one module sit together.
    scopes: SCOPES.filter((s) => options.some((o) => o.scopes.includes(s))),
    dynamic: options.some((o) => isDynamic(request, o.tenant.id)),
    redirectUri: request.redirectUri,
    params: request.params,
    csrf: consentToken(user.id, request.client.clientId),
  });
}

export async function handleAuthorizePost(req: Request): Promise<Response> {
  // A cross-site POST is refused before anything else (the CSRF token below is the real guard).
  const origin = req.headers.get("origin");
  if (origin && origin !== "null" && origin !== new URL(issuer()).origin) return errorPage("csrf", 403);
  const form = await req.formData().catch(() => null);
  if (!form) return errorPage("invalid_request");
  const query = new URLSearchParams();
  for (const p of REQUEST_PARAMS) for (const v of form.getAll(p)) if (typeof v === "string") query.append(p, v);
  const check = await validateAuthorizeRequest(query);
  if (!check.ok) return "page" in check ? errorPage(check.page) : seeOther(check.redirect);
  const { request } = check;

  const user = await getSession();
  if (!user) return seeOther(`/login?callbackUrl=${encodeURIComponent(`${ENDPOINTS.authorization}?${query}`)}`);
  if (!verifyConsentToken(form.get("csrf_token"), user.id, request.client.clientId)) return errorPage("csrf", 403);

  const tenantId = String(form.get("tenant") ?? "");
  const tenant = (await eligibleTenants(user.id, request.client)).find((t) => t.id === tenantId);
  if (!tenant) return errorPage("no_account", 403);
  const ip = clientIp(req.headers);
  if (form.get("decision") !== "approve") {
    await recordDenial(tenant.id, user.id, request.client, ip);
    return seeOther(errorRedirect(request.redirectUri, request.state, "access_denied", "The user denied the request"));
  }
  const context = await tenantGrantContext(tenant.id, user.id, request.client);
  let scopes = context ? resolveScopes(request.scopes, context.allowedScopes) : [];
  const dynamic = isDynamic(request, tenant.id);
  if (dynamic) {
    const picked = form.getAll("grant").map(String);
    scopes = scopes.filter((s) => picked.includes(s));
  }
  if (scopes.length === 0) {
    return seeOther(errorRedirect(request.redirectUri, request.state, dynamic ? "access_denied" : "invalid_scope", "Nothing to grant in this account"));
  }
  return issueCode(request, tenant.id, user.id, scopes, ip, false, dynamic);
}
