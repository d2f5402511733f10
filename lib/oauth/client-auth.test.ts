// Which client is calling, and how (RFC 6749 §2.3): one method only, well-formed, never an exception
// other than invalid_client.
import { describe, expect, it } from "vitest";
import { presentedClient } from "./client-auth";
import { OAuthError } from "./errors";

const basic = (id: string, secret: string) => new Headers({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}` });

function failure(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    return e as OAuthError;
  }
  throw new Error("expected a failure");
}

describe("presentedClient", () => {
  it("reads client_secret_basic, form-decoding id and secret (RFC 6749 §2.3.1)", () => {
    expect(presentedClient(basic("my%20app", "s%3Acret"), {})).toEqual({ clientId: "my app", secret: "s:cret", method: "client_secret_basic" });
    expect(presentedClient(basic("app", "secret"), { client_id: "app" }).method).toBe("client_secret_basic");
  });
  it("reads client_secret_post and none", () => {
    expect(presentedClient(new Headers(), { client_id: "app", client_secret: "s" })).toEqual({ clientId: "app", secret: "s", method: "client_secret_post" });
    expect(presentedClient(new Headers(), { client_id: "app" })).toEqual({ clientId: "app", secret: null, method: "none" });
  });
  it.each([
    ["both methods", basic("app", "s"), { client_secret: "s" }],
    ["mismatched ids", basic("app", "s"), { client_id: "other" }],
    ["no client at all", new Headers(), {}],
    ["a Bearer header", new Headers({ authorization: "Bearer x" }), {}],
    ["garbage base64", new Headers({ authorization: "Basic !!!" }), {}],
    ["no colon", new Headers({ authorization: `Basic ${Buffer.from("app").toString("base64")}` }), {}],
    ["bad percent-encoding", basic("%zz", "s"), {}],
    ["empty secret", basic("app", ""), {}],
  ])("refuses %s with invalid_client", (_name, headers, body) => {
    const e = failure(() => presentedClient(headers as Headers, body as Record<string, string>));
    expect(e).toBeInstanceOf(OAuthError);
    expect(e.code).toBe("invalid_client");
    expect(e.status).toBe(401);
  });
  it("challenges with Basic when the client tried Basic", () => {
    expect(failure(() => presentedClient(basic("app", "s"), { client_secret: "s" })).headers["WWW-Authenticate"]).toMatch(/^Basic /);
  });
});
