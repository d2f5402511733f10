// RFC 9728 protected resource metadata: how a client that only knows the MCP URL finds the authorization
// server. Served at /.well-known/oauth-protected-resource/api/mcp (path-aware form) and at the root form.
import { generateProtectedResourceMetadata } from "mcp-handler";
import { machineHeaders } from "@/lib/http";
import { issuer, resourceIdentifier } from "@/lib/oauth/config";
import { SCOPES } from "@/lib/oauth/scopes";

/** Read by browser-based clients (MCP Inspector) too; no credentials involved, so any origin may read it. */
export const METADATA_CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "*",
  "Access-Control-Max-Age": "86400",
} as const;

export function protectedResourceMetadata() {
  return generateProtectedResourceMetadata({
    authServerUrls: [issuer()],
    resourceUrl: resourceIdentifier(),
    additionalMetadata: {
      scopes_supported: [...SCOPES],
      bearer_methods_supported: ["header"],
      resource_name: "Fettle",
    },
  });
}

export function metadataResponse(): Response {
  return Response.json(protectedResourceMetadata(), { headers: { ...METADATA_CORS, ...machineHeaders(), "Cache-Control": "public, max-age=300" } });
}

export const metadataPreflight = () => new Response(null, { status: 204, headers: { ...METADATA_CORS, ...machineHeaders() } });
