// Raw HTTP to the MCP endpoint for the protocol-level end-to-end tests, and tokens obtained the way a
// connector gets them (sign-in, consent, code, token endpoint) through the OAuth helpers.
import type { Browser } from "@playwright/test";
import { getCode, RESOURCE, Secrets, signedInApi, tokenCall, REDIRECT } from "../oauth/helpers";

// Every token these tests hold, for the closing check that none of them reached the server log.
const secrets = new Secrets("mcp");

export interface McpAnswer {
  status: number;
  headers: Headers;
  /** the JSON-RPC message (unwrapped from SSE) or the JSON error body: many shapes, read by assertions */
  body: any;
}

export async function mcpPost(token: string | null, body: unknown, headers: Record<string, string> = {}): Promise<McpAnswer> {
  const res = await fetch(RESOURCE, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const data = /^(event|data):/.test(text) ? text.split("\n").find((l) => l.startsWith("data: "))!.slice(6) : text;
  return { status: res.status, headers: res.headers, body: data ? JSON.parse(data) : null };
}

export const callTool = (token: string, name: string, args: Record<string, unknown> = {}, id: number | string = 1) =>
  mcpPost(token, { jsonrpc: "2.0", id, method: "tools/call", params: { name, arguments: args } });

/** Sign-in and consent (as the user), then the code exchange (as the consumer). */
export async function connectorTokens(browser: Browser, email: string, consumer: { clientId: string; clientSecret: string | null }, scope: string) {
  const api = await signedInApi(browser, email);
  try {
    const { code, verifier } = await getCode(api, { clientId: consumer.clientId, scope });
    const res = await tokenCall({
      params: { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT, resource: RESOURCE },
      basic: [consumer.clientId, consumer.clientSecret!],
    });
    if (res.status !== 200) throw new Error(`token endpoint: ${res.status} ${JSON.stringify(res.body)}`);
    secrets.add(code, consumer.clientSecret, res.body.access_token, res.body.refresh_token);
    return { access: res.body.access_token, refresh: res.body.refresh_token };
  } finally {
    await api.dispose();
  }
}
