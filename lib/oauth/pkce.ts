// PKCE (RFC 7636) with S256 only, as OAuth 2.1 requires for every client. `plain` is never accepted.
import { createHash, timingSafeEqual } from "node:crypto";

/** RFC 7636 §4.1: 43–128 characters from the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** A base64url SHA-256 digest is exactly 43 characters. */
const CHALLENGE = /^[A-Za-z0-9\-_]{43}$/;

export function isValidChallenge(challenge: unknown, method: unknown): challenge is string {
  return method === "S256" && typeof challenge === "string" && CHALLENGE.test(challenge);
}

/** RFC 7636 §4.6: BASE64URL(SHA256(verifier)) must equal the stored challenge. */
export function verifyPkce(verifier: unknown, challenge: string): boolean {
  if (typeof verifier !== "string" || !VERIFIER.test(verifier)) return false;
  const computed = Buffer.from(createHash("sha256").update(verifier).digest("base64url"));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
