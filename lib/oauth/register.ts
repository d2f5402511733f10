// Dynamic Client Registration (RFC 7591 §3). Open, as MCP clients expect: a registered client belongs to
// no tenant and can only be authorized where a tenant's admin allows self-registered clients, under that
// tenant's ceiling group (ARCHITECTURE.md §4). Rate-limited per address with room for a burst.
import { hashPassword } from "@/lib/auth/password";
import { registerClient } from "@/lib/data/oauth-clients";
import { hit } from "@/lib/ratelimit";
import { registrationSchema } from "@/lib/validation/oauth";
import { REGISTER_RATE } from "./config";
import { OAuthError, rateLimited } from "./errors";
import { json } from "./http";
import { newClientId, newSecret, PREFIX, sha256 } from "./tokens";

async function checkRate(ip: string | null) {
  // An unknown address shares one bucket: registration creates rows without authentication, so an
  // overall ceiling is the safer failure than none.
  const key = `oauth:register:${sha256(ip ?? "unknown")}`;
  const [burst, hourly] = await Promise.all([
    hit(`${key}:m`, REGISTER_RATE.burst, REGISTER_RATE.burstWindowSeconds),
    hit(`${key}:h`, REGISTER_RATE.hourly, 3600),
  ]);
  if (!burst.ok || !hourly.ok) throw rateLimited(Math.max(burst.ok ? 0 : burst.retryAfter, hourly.ok ? 0 : hourly.retryAfter));
}

async function readJson(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw new OAuthError("invalid_client_metadata", "Content-Type must be application/json");
  const text = await req.text();
  if (text.length > 16_384) throw new OAuthError("invalid_client_metadata", "Request body too large");
  try {
    return JSON.parse(text);
  } catch {
    throw new OAuthError("invalid_client_metadata", "Body is not JSON");
  }
}

export async function handleRegistration(req: Request, ip: string | null): Promise<Response> {
  await checkRate(ip);
  const parsed = registrationSchema.safeParse(await readJson(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // RFC 7591 §3.2.2: a bad redirect URI has its own error code.
    if (issue?.path[0] === "redirect_uris") throw new OAuthError("invalid_redirect_uri", issue.message);
    throw new OAuthError("invalid_client_metadata", `Invalid ${issue?.path.join(".") || "metadata"}`);
  }
  const meta = parsed.data;
  const confidential = meta.token_endpoint_auth_method !== "none";
  const clientSecret = confidential ? newSecret(PREFIX.clientSecret) : null;
  const client = await registerClient({
    clientId: newClientId(),
    secretHash: clientSecret ? await hashPassword(clientSecret) : null,
    name: meta.client_name ?? "Unnamed app",
    redirectUris: meta.redirect_uris,
    grantTypes: meta.grant_types,
    privacyPolicyUrl: meta.policy_uri,
    termsUrl: meta.tos_uri,
  });
  // RFC 7591 §3.2.1: the registered metadata, with the credentials (the secret shown this once only).
  return json(
    {
      client_id: client.clientId,
      client_id_issued_at: Math.floor(Date.now() / 1000),
      ...(clientSecret ? { client_secret: clientSecret, client_secret_expires_at: 0 } : {}),
      client_name: client.name,
      redirect_uris: client.redirectUris,
      grant_types: client.grantTypes,
      response_types: ["code"],
      token_endpoint_auth_method: meta.token_endpoint_auth_method,
      ...(meta.policy_uri ? { policy_uri: meta.policy_uri } : {}),
      ...(meta.tos_uri ? { tos_uri: meta.tos_uri } : {}),
    },
    201,
  );
}
