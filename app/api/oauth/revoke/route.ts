// Revocation endpoint (RFC 7009). Thin: lib/oauth/revoke.ts is the protocol.
import { clientIp } from "@/lib/auth/session";
import { oauthHandler, preflight, readForm } from "@/lib/oauth/http";
import { handleRevocation } from "@/lib/oauth/revoke";

export const dynamic = "force-dynamic";

export const POST = oauthHandler(async (req) => handleRevocation(await readForm(req), req.headers, clientIp(req.headers)));
export const OPTIONS = preflight;
