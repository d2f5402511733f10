// Fetching a URL a stranger chose (Client ID Metadata Documents) without becoming an SSRF proxy: only
// public addresses (checked on the address actually connected to, so DNS rebinding cannot swap it after
// the check), no redirects, a hard deadline and a size cap.
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";

/** Special-purpose ranges (RFC 6890 and its IANA registries) that are never a public client's server. */
const PRIVATE = new net.BlockList();
for (const [net4, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["169.254.0.0", 16], ["172.16.0.0", 12], ["192.0.0.0", 24],
  ["192.0.2.0", 24], ["192.88.99.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(net4, bits, "ipv4");
for (const [net6, bits] of [
  ["::", 128], ["64:ff9b::", 96], ["64:ff9b:1::", 48], ["100::", 64], ["2001::", 23], ["2001:db8::", 32],
  ["2002::", 16], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8],
] as const) PRIVATE.addSubnet(net6, bits, "ipv6");
const LOOPBACK = new net.BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

export function isLoopbackAddress(address: string): boolean {
  return classify(address) === "loopback";
}

function classify(address: string): "public" | "private" | "loopback" {
  const family = net.isIP(address);
  if (family === 0) return "private";
  // IPv4-mapped IPv6 (::ffff:a.b.c.d) is the IPv4 address in disguise.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return classify(mapped[1]);
  const type = family === 4 ? "ipv4" : "ipv6";
  if (LOOPBACK.check(address, type)) return "loopback";
  return PRIVATE.check(address, type) ? "private" : "public";
}

export function addressAllowed(address: string, allowLoopback: boolean): boolean {
  const kind = classify(address);
  return kind === "public" || (kind === "loopback" && allowLoopback);
}

export class FetchRefused extends Error {}

export interface LimitedResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** GET `url` under the limits; throws FetchRefused for anything outside them. */
export function limitedGet(url: URL, opts: { maxBytes: number; timeoutMs: number; allowLoopback: boolean }): Promise<LimitedResponse> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // IP literals never reach the lookup hook, so they are checked here.
  if (net.isIP(host) && !addressAllowed(host, opts.allowLoopback)) return Promise.reject(new FetchRefused("address not allowed"));
  const lookup: net.LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      if (!addresses.length || addresses.some((a) => !addressAllowed(a.address, opts.allowLoopback))) {
        return callback(new FetchRefused("address not allowed"), "", 4);
      }
      // Node asks for every address when it races IPv4 and IPv6 (autoSelectFamily), else for one.
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, { method: "GET", lookup, agent: false, headers: { accept: "application/json" } }, (res) => {
      if ((res.statusCode ?? 0) >= 300 && (res.statusCode ?? 0) < 400) {
        req.destroy(new FetchRefused("redirects are not followed"));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) req.destroy(new FetchRefused("document too large"));
        else chunks.push(chunk);
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    const deadline = setTimeout(() => req.destroy(new FetchRefused("timed out")), opts.timeoutMs);
    req.on("close", () => clearTimeout(deadline));
    req.on("error", (e) => reject(e instanceof FetchRefused ? e : new FetchRefused(`fetch failed: ${e.message}`)));
    req.end();
  });
}
