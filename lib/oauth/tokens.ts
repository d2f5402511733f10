// Opaque credentials (ARCHITECTURE.md §4): 256 random bits behind a recognisable prefix, so a leaked token
// is easy to spot in logs and by secret scanners. Only the SHA-256 of a token or code is stored; client
// secrets get the slow hash of lib/auth/password.ts instead (they are long-lived and shown once).
import { createHash, randomBytes } from "node:crypto";

export const PREFIX = {
  accessToken: "fettle_at_",
  refreshToken: "fettle_rt_",
  code: "fettle_ac_",
  clientSecret: "fettle_cs_",
  clientId: "fettle_ci_",
} as const;

/** RFC 6749 §10.10: at least 128 bits of entropy; we use 256. */
export function newSecret(prefix: string, bytes = 32): string {
  return prefix + randomBytes(bytes).toString("base64url");
}

export function newClientId(): string {
  return newSecret(PREFIX.clientId, 16);
}

/** Tokens and codes are high-entropy, so a fast hash suffices (no dictionary to attack). */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
