// The consent form's CSRF token (RFC 6749 §10.12): an HMAC over the signed-in user, the client and the
// time, keyed by AUTH_SECRET. Stateless, bound to who is consenting to what, and short-lived, so a
// forged POST from another site (or another user's token) is refused.
import { createHmac, timingSafeEqual } from "node:crypto";
import { CONSENT_TTL_SECONDS } from "./config";

function key(): string {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set");
  return `fettle-oauth-consent:${secret}`;
}

const mac = (issuedAt: number, userId: string, clientId: string) =>
  createHmac("sha256", key()).update(`${issuedAt}\n${userId}\n${clientId}`).digest("base64url");

export function consentToken(userId: string, clientId: string, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  return `${issuedAt}.${mac(issuedAt, userId, clientId)}`;
}

export function verifyConsentToken(token: unknown, userId: string, clientId: string, now = Date.now()): boolean {
  if (typeof token !== "string") return false;
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return false;
  const issuedAt = Number(match[1]);
  const age = Math.floor(now / 1000) - issuedAt;
  if (age < 0 || age > CONSENT_TTL_SECONDS) return false;
  const expected = Buffer.from(mac(issuedAt, userId, clientId));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
