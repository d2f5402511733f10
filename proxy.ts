// Request hygiene only, never authorization (every page, action and handler checks rights itself): a
// request id for logs, the path for sign-in's "back to where you were", and security headers with a
// per-request CSP nonce that Next applies to its own scripts.
import { NextResponse, type NextRequest } from "next/server";
import { issuer } from "@/lib/oauth/config";

const isProduction = process.env.NODE_ENV === "production";

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by the nonced bootstrap are trusted, nothing else is.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isProduction ? "" : " 'unsafe-eval'"}`,
    // React and chart libraries set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isProduction ? "" : " ws: wss:"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  const requestId = crypto.randomUUID();
  headers.set("x-request-id", requestId);
  headers.set("x-fettle-path", request.nextUrl.pathname + request.nextUrl.search);

  // Pages get the CSP; API and OAuth route handlers answer JSON or set their own stricter policy.
  const path = request.nextUrl.pathname;
  const isPage = !path.startsWith("/api/") && !path.startsWith("/oauth/") && !path.startsWith("/.well-known/");
  const nonce = isPage ? Buffer.from(crypto.randomUUID()).toString("base64") : null;
  const csp = nonce ? contentSecurityPolicy(nonce) : null;
  if (csp) headers.set("content-security-policy", csp);

  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "strict-origin-when-cross-origin");
  if (csp) {
    response.headers.set("content-security-policy", csp);
    response.headers.set("x-frame-options", "DENY");
  }
  // HSTS only where the app is served over https for real.
  if (isProduction && issuer().startsWith("https://")) {
    response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains; preload");
  }
  return response;
}

export const config = {
  // Not for the machine endpoints (MCP, OAuth token/revoke/register, metadata): they answer JSON, set
  // nosniff and a request id themselves (lib/http.ts), and the proxy pass was most of their cost.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/mcp|api/oauth/|\\.well-known/).*)"],
};
