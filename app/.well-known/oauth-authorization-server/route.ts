// Authorization server metadata (RFC 8414 §3), readable cross-origin by browser-based clients.
import { machineHeaders } from "@/lib/http";
import { CORS, preflight } from "@/lib/oauth/http";
import { authorizationServerMetadata } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(authorizationServerMetadata(), { headers: { ...CORS, ...machineHeaders(), "Cache-Control": "public, max-age=300" } });
}

export const OPTIONS = preflight;
