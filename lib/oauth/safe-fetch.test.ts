// The SSRF guard and cache rules of metadata-document fetching. No request leaves this machine: private
// addresses are judged without connecting, and the fetch tests use a server on 127.0.0.1.
import { describe, expect, it } from "vitest";
import { cacheSeconds, isMetadataUrl } from "./cimd";
import { addressAllowed, FetchRefused, limitedGet } from "./safe-fetch";

describe("addressAllowed", () => {
  it.each(["10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "fc00::1", "fe80::1", "::", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "224.0.0.1"])(
    "refuses %s",
    (address) => expect(addressAllowed(address, false)).toBe(false),
  );
  it("refuses loopback unless allowed, and private ranges always", () => {
    expect(addressAllowed("127.0.0.1", false)).toBe(false);
    expect(addressAllowed("::1", false)).toBe(false);
    expect(addressAllowed("127.0.0.1", true)).toBe(true);
    expect(addressAllowed("10.0.0.1", true)).toBe(false);
  });
  it("allows public addresses", () => {
    expect(addressAllowed("93.184.216.34", false)).toBe(true);
    expect(addressAllowed("2606:4700::1111", false)).toBe(true);
  });
  it("refuses an IP literal URL before connecting", async () => {
    await expect(limitedGet(new URL("http://127.0.0.1:9/x"), { maxBytes: 10, timeoutMs: 100, allowLoopback: false })).rejects.toBeInstanceOf(FetchRefused);
    await expect(limitedGet(new URL("http://[::1]:9/x"), { maxBytes: 10, timeoutMs: 100, allowLoopback: false })).rejects.toBeInstanceOf(FetchRefused);
  });
  it("refuses a hostname that resolves to loopback", async () => {
    await expect(limitedGet(new URL("http://localhost:9/x"), { maxBytes: 10, timeoutMs: 1000, allowLoopback: false })).rejects.toThrow(/address not allowed/);
  });
});

describe("metadata document URLs and caching", () => {
  it("recognises https client ids (and loopback http outside production)", () => {
    expect(isMetadataUrl("https://client.example/meta.json")).toBe(true);
    expect(isMetadataUrl("fettle_ci_abc")).toBe(false);
    expect(isMetadataUrl("http://127.0.0.1:4000/meta.json")).toBe(true);
    expect(isMetadataUrl("http://client.example/meta.json")).toBe(false);
  });
  it("follows Cache-Control, clamped to a day", () => {
    expect(cacheSeconds("public, max-age=600")).toBe(600);
    expect(cacheSeconds("max-age=999999")).toBe(86_400);
    expect(cacheSeconds("no-store")).toBe(0);
    expect(cacheSeconds("no-cache, max-age=60")).toBe(0);
    expect(cacheSeconds(undefined)).toBe(300);
  });
});
