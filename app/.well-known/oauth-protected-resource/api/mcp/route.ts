// RFC 9728 §3.1: the metadata of the resource /api/mcp, at the path-aware well-known location.
import { metadataPreflight, metadataResponse } from "@/lib/mcp/metadata";

export const dynamic = "force-dynamic";

export const GET = metadataResponse;
export const OPTIONS = metadataPreflight;
