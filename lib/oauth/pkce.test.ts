// PKCE (RFC 7636, S256 only), scopes (RFC 6749 §3.3) and the consent CSRF token.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { consentToken, verifyConsentToken } from "./csrf";
import { isValidChallenge, verifyPkce } from "./pkce";
import { isSubset, parseScope, scopesWithin } from "./scopes";
import { toPermissions } from "@/lib/tenancy/permissions";

const verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
// RFC 7636 Appendix B's example pair.
const challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe("PKCE", () => {
  it("verifies the RFC 7636 example", () => {
    expect(createHash("sha256").update(verifier).digest("base64url")).toBe(challenge);
    expect(verifyPkce(verifier, challenge)).toBe(true);
  });
  it("accepts S256 challenges only", () => {
    expect(isValidChallenge(challenge, "S256")).toBe(true);
    expect(isValidChallenge(challenge, "plain")).toBe(false);
    expect(isValidChallenge(challenge, undefined)).toBe(false);
    expect(isValidChallenge("short", "S256")).toBe(false);
    expect(isValidChallenge(`${challenge}A`, "S256")).toBe(false);
  });
  it("refuses wrong, short, long or malformed verifiers", () => {
    expect(verifyPkce(`${verifier.slice(0, -1)}Y`, challenge)).toBe(false);
    expect(verifyPkce("a".repeat(42), createHash("sha256").update("a".repeat(42)).digest("base64url"))).toBe(false);
    expect(verifyPkce("a".repeat(129), createHash("sha256").update("a".repeat(129)).digest("base64url"))).toBe(false);
    expect(verifyPkce(`${"a".repeat(42)}!`, challenge)).toBe(false);
    expect(verifyPkce(undefined, challenge)).toBe(false);
    expect(verifyPkce(challenge, challenge)).toBe(false);
  });
});

describe("scopes", () => {
  it("parses, sorts and dedupes; unknown scopes are an error; generic ones are ignored", () => {
    expect(parseScope("workorders:write workorders:read workorders:read")).toEqual(["workorders:read", "workorders:write"]);
    expect(parseScope(undefined)).toEqual([]);
    expect(parseScope("offline_access workorders:read")).toEqual(["workorders:read"]);
    expect(parseScope("metrics:write")).toBeNull();
    expect(parseScope("admin")).toBeNull();
  });
  it("derives what a permission ceiling allows", () => {
    expect(scopesWithin(toPermissions({ workorders: ["view"], assets: ["edit"], metrics: ["view"] }))).toEqual(["workorders:read", "assets:write", "metrics:read"]);
    expect(isSubset(["a"], ["a", "b"])).toBe(true);
    expect(isSubset(["a", "c"], ["a", "b"])).toBe(false);
  });
});

describe("consent CSRF token", () => {
  process.env.AUTH_SECRET ||= "unit-test-secret";
  it("is bound to the user, the client and a time window", () => {
    const now = Date.now();
    const token = consentToken("user-1", "client-1", now);
    expect(verifyConsentToken(token, "user-1", "client-1", now + 1000)).toBe(true);
    expect(verifyConsentToken(token, "user-2", "client-1", now)).toBe(false);
    expect(verifyConsentToken(token, "user-1", "client-2", now)).toBe(false);
    expect(verifyConsentToken(token, "user-1", "client-1", now + 16 * 60_000)).toBe(false);
    expect(verifyConsentToken(`${token}x`, "user-1", "client-1", now)).toBe(false);
    expect(verifyConsentToken(undefined, "user-1", "client-1", now)).toBe(false);
  });
});
