// Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document): a client_id that is an
// https URL names a JSON document describing the client. Fetched under size and time limits from public
// addresses only, cached as its Cache-Control allows, and accepted only when its client_id is its URL.
import { upsertMetadataClient, type Client } from "@/lib/data/oauth-clients";
import { metadataDocumentSchema } from "@/lib/validation/oauth";
import { FetchRefused, limitedGet } from "./safe-fetch";

const MAX_BYTES = 5 * 1024;
const TIMEOUT_MS = 5_000;
const DEFAULT_TTL_S = 5 * 60;
const MAX_TTL_S = 24 * 60 * 60;
const MAX_ENTRIES = 500;

/** Loopback documents only while developing, or when a test run says so explicitly. */
export function loopbackAllowed(): boolean {
  return process.env.NODE_ENV !== "production" || process.env.FETTLE_OAUTH_ALLOW_LOOPBACK_METADATA === "1";
}

/** Does this client_id name a metadata document (rather than a registered client)? */
export function isMetadataUrl(clientId: string): boolean {
  return /^https:\/\//i.test(clientId) || (loopbackAllowed() && /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/i.test(clientId));
}

/** The document URL's own rules: a path, no fragment, no credentials, no dot segments. */
function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "not a URL";
  }
  if (url.href !== raw) return "not in canonical form";
  if (url.hash || url.username || url.password) return "fragment or credentials";
  if (url.pathname === "/" || /\/\.\.?(\/|$)/.test(url.pathname)) return "needs a path without dot segments";
  return null;
}

/** Cache-Control max-age, clamped; no-store / no-cache mean "fetch again next time" (RFC 9111 §5.2.2). */
export function cacheSeconds(header: string | string[] | undefined): number {
  const value = (Array.isArray(header) ? header.join(",") : header ?? "").toLowerCase();
  if (/\b(no-store|no-cache)\b/.test(value)) return 0;
  const maxAge = /\bmax-age=(\d+)/.exec(value);
  return Math.min(maxAge ? Number(maxAge[1]) : DEFAULT_TTL_S, MAX_TTL_S);
}

const cache = new Map<string, { client: Client; expires: number }>();

function remember(url: string, client: Client, seconds: number) {
  if (seconds <= 0) return;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(url, { client, expires: Date.now() + seconds * 1000 });
}

export class MetadataDocumentError extends Error {}

/** The client a metadata URL describes (fetched, or from the cache), stored as a tenantless consumer. */
export async function resolveMetadataClient(url: string): Promise<Client> {
  const cached = cache.get(url);
  if (cached && cached.expires > Date.now()) return cached.client;
  cache.delete(url);
  const problem = urlProblem(url);
  if (problem) throw new MetadataDocumentError(`client_id URL ${problem}`);
  let res;
  try {
    res = await limitedGet(new URL(url), { maxBytes: MAX_BYTES, timeoutMs: TIMEOUT_MS, allowLoopback: loopbackAllowed() });
  } catch (e) {
    throw new MetadataDocumentError(e instanceof FetchRefused ? e.message : "fetch failed");
  }
  if (res.status !== 200) throw new MetadataDocumentError(`document answered ${res.status}`);
  let doc: unknown;
  try {
    doc = JSON.parse(res.body);
  } catch {
    throw new MetadataDocumentError("document is not JSON");
  }
  const parsed = metadataDocumentSchema.safeParse(doc);
  if (!parsed.success) throw new MetadataDocumentError("document is not valid client metadata");
  if (parsed.data.client_id !== url) throw new MetadataDocumentError("client_id in the document differs from its URL");
  const client = await upsertMetadataClient({
    clientId: url,
    name: parsed.data.client_name ?? new URL(url).host,
    redirectUris: parsed.data.redirect_uris,
  });
  remember(url, client, cacheSeconds(res.headers["cache-control"]));
  return client;
}
