// Authorization server metadata (RFC 8414 §3), readable cross-origin by browser-based clients.
import { CORS } from "@/lib/oauth/http";
import { authorizationServerMetadata } from "@/lib/oauth/metadata";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(authorizationServerMetadata(), { headers: { ...CORS, "Cache-Control": "public, max-age=300" } });
}

export function OPTIONS() {
  return new Response(null, { status: 204, headers: CORS });
}
