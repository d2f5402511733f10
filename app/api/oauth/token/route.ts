// Token endpoint (RFC 6749 §3.2). Thin: lib/oauth/token.ts is the protocol.
import { clientIp } from "@/lib/auth/session";
import { oauthHandler, preflight, readForm } from "@/lib/oauth/http";
import { handleTokenRequest } from "@/lib/oauth/token";

export const dynamic = "force-dynamic";

export const POST = oauthHandler(async (req) => handleTokenRequest(await readForm(req), req.headers, clientIp(req.headers)));
export const OPTIONS = preflight;
