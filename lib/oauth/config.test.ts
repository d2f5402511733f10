import { afterEach, describe, expect, it, vi } from "vitest";
import { issuer, resourceIdentifier } from "./config";

describe("issuer", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is APP_URL without trailing slashes, and the MCP resource hangs off it", () => {
    vi.stubEnv("APP_URL", "https://cmms.example.com/");
    expect(issuer()).toBe("https://cmms.example.com");
    expect(resourceIdentifier()).toBe("https://cmms.example.com/api/mcp");
  });

  it("on Vercel without APP_URL, comes from Vercel's system variables: production domain or the deployment", () => {
    vi.stubEnv("APP_URL", "");
    vi.stubEnv("VERCEL_PROJECT_PRODUCTION_URL", "fettle.example.com");
    vi.stubEnv("VERCEL_URL", "fettle-git-branch-team.vercel.app");
    vi.stubEnv("VERCEL_ENV", "production");
    expect(issuer()).toBe("https://fettle.example.com");
    vi.stubEnv("VERCEL_ENV", "preview");
    expect(issuer()).toBe("https://fettle-git-branch-team.vercel.app");
  });

  it("falls back to localhost on the configured port elsewhere", () => {
    vi.stubEnv("APP_URL", "");
    vi.stubEnv("VERCEL_URL", "");
    vi.stubEnv("VERCEL_ENV", "");
    vi.stubEnv("PORT", "4123");
    expect(issuer()).toBe("http://localhost:4123");
  });
});
