import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp } from "./client-ip";

const forwarded = new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-real-ip": "198.51.100.2" });

describe("clientIp", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("ignores forwarded headers unless a proxy is declared, so a client cannot pick its own address", () => {
    vi.stubEnv("VERCEL", "");
    vi.stubEnv("TRUST_PROXY", "");
    expect(clientIp(forwarded)).toBeNull();
  });

  it("takes the first x-forwarded-for hop on Vercel or behind a declared proxy", () => {
    vi.stubEnv("TRUST_PROXY", "");
    vi.stubEnv("VERCEL", "1");
    expect(clientIp(forwarded)).toBe("203.0.113.7");
    vi.stubEnv("VERCEL", "");
    vi.stubEnv("TRUST_PROXY", "true");
    expect(clientIp(forwarded)).toBe("203.0.113.7");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers())).toBeNull();
  });
});
