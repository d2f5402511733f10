// An MCP client's OAuth side, as a desktop or web connector implements it: the client library discovers the
// authorization server from the MCP URL, registers (or uses a pre-registered client id), builds the
// authorization URL; this provider "opens the browser" — a Playwright page where the user signs in and
// clicks Authorize — and hands the redirect back. Works with both @modelcontextprotocol/sdk 1.x and
// @modelcontextprotocol/client 2.x (the provider interface is the same shape).
import { expect, type BrowserContext } from "@playwright/test";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { signIn } from "../oauth/helpers";

/** Loopback redirect URIs may use any port (RFC 8252 §7.3); nothing listens there, the page route answers. */
export const LOOPBACK_REDIRECT = "http://127.0.0.1:8976/callback";

export class BrowserOAuthProvider implements OAuthClientProvider {
  readonly redirectUrl = LOOPBACK_REDIRECT;
  /** the client's redirect URI as the browser reached it (code, state, iss) */
  callback: URL | null = null;
  /** consent screens shown (the consumer name in the heading) */
  readonly consents: string[] = [];
  private info: OAuthClientInformationMixed | undefined;
  private saved: OAuthTokens | undefined;
  private verifier = "";
  private discovery: unknown;

  constructor(
    private readonly context: BrowserContext,
    private readonly email: string,
    private readonly name: string,
    /** a client id the tenant admin created, bound to our issuer (SEP-2352 keeps credentials per issuer) */
    preRegistered?: { client_id: string; issuer: string },
  ) {
    this.info = preRegistered;
  }

  get clientMetadata() {
    return {
      client_name: this.name,
      redirect_uris: [LOOPBACK_REDIRECT],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }
  clientInformation() {
    return this.info;
  }
  saveClientInformation(info: OAuthClientInformationMixed) {
    this.info = info;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
  // Kept across the redirect like the verifier, so the 2.x client can bind the code to the issuer it found.
  saveDiscoveryState(state: unknown) {
    this.discovery = state;
  }
  discoveryState() {
    return this.discovery as never;
  }

  async redirectToAuthorization(url: URL) {
    const page = await this.context.newPage();
    await page.route(`${LOOPBACK_REDIRECT}**`, (route) => {
      this.callback = new URL(route.request().url());
      return route.fulfill({ status: 200, contentType: "text/plain", body: "back at the client" });
    });
    await page.goto(url.toString());
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await signIn(page, this.email);
    const heading = page.getByRole("heading", { level: 1 });
    await expect(heading).toContainText(this.name);
    this.consents.push((await heading.textContent()) ?? "");
    await page.getByRole("button", { name: "Authorize" }).click();
    await expect(page.getByText("back at the client")).toBeVisible();
    await page.close();
  }
}

/** A fetch that remembers every URL the client library requested, to show what it discovered on its own. */
export function recordingFetch() {
  const urls: string[] = [];
  const fetchLike = (url: string | URL, init?: RequestInit) => {
    urls.push(String(url));
    return fetch(url, init);
  };
  return { urls, fetch: fetchLike };
}
