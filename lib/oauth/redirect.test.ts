// Redirect URI rules (OAuth 2.1 §2.3.1, §7.5; RFC 8252 §7.3).
import { describe, expect, it } from "vitest";
import { matchRedirectUri, redirectUriProblem } from "./redirect";

const REGISTERED = ["https://client.example/cb", "http://127.0.0.1:8765/native", "https://client.example/with?query=1"];

describe("redirectUriProblem (registration)", () => {
  it.each(["https://claude.ai/api/mcp/auth_callback", "https://chatgpt.com/connector_platform_oauth_redirect", "http://127.0.0.1:33418/cb", "http://localhost/cb", "http://[::1]:9/cb"])(
    "accepts %s",
    (uri) => expect(redirectUriProblem(uri)).toBeNull(),
  );
  it.each([
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://client.example/cb",
    "https://client.example/cb#frag",
    "https://user:pw@client.example/cb",
    "https://client.example\\@evil.example/cb",
    "https://client.example/c b",
    "https://client.example/cb\n",
    "/relative/cb",
    "file:///etc/passwd",
    "ftp://client.example/cb",
  ])("refuses %s", (uri) => expect(redirectUriProblem(uri)).not.toBeNull());
});

describe("matchRedirectUri (authorization request)", () => {
  it("matches registered URIs exactly", () => {
    expect(matchRedirectUri("https://client.example/cb", REGISTERED)).toBe("https://client.example/cb");
    expect(matchRedirectUri("https://client.example/with?query=1", REGISTERED)).toBe("https://client.example/with?query=1");
  });
  it.each([
    "https://client.example/cb/",
    "https://client.example/cb?x=1",
    "https://Client.example/cb",
    "https://client.example/CB",
    "https://client.example/%63b",
    "https://client.example:443/cb",
    "https://client.example:8443/cb",
    "http://client.example/cb",
    "https://client.example@evil.example/cb",
    "https://client.example/x/../cb",
    "https://client.example/cb#x",
    undefined,
    42,
  ])("refuses %s", (uri) => expect(matchRedirectUri(uri, REGISTERED)).toBeNull());
  it("lets a loopback URI use any port, and nothing else vary", () => {
    expect(matchRedirectUri("http://127.0.0.1:51000/native", REGISTERED)).toBe("http://127.0.0.1:51000/native");
    expect(matchRedirectUri("http://127.0.0.1/native", REGISTERED)).toBe("http://127.0.0.1/native");
    expect(matchRedirectUri("http://127.0.0.1:51000/Native", REGISTERED)).toBeNull();
    expect(matchRedirectUri("http://localhost:8765/native", REGISTERED)).toBeNull();
    expect(matchRedirectUri("http://127.0.0.1:80/native", REGISTERED)).toBeNull();
    expect(matchRedirectUri("http://127.0.0.1:51000/x/../native", REGISTERED)).toBeNull();
  });
});
