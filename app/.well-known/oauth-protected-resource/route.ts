// The root form of the protected resource metadata, for clients that probe the origin before the path.
import { metadataPreflight, metadataResponse } from "@/lib/mcp/metadata";

export const dynamic = "force-dynamic";

export const GET = metadataResponse;
export const OPTIONS = metadataPreflight;
