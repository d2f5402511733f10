// Dynamic Client Registration endpoint (RFC 7591). Thin: lib/oauth/register.ts is the protocol.
import { clientIp } from "@/lib/auth/session";
import { oauthHandler, preflight } from "@/lib/oauth/http";
import { handleRegistration } from "@/lib/oauth/register";

export const dynamic = "force-dynamic";

export const POST = oauthHandler((req) => handleRegistration(req, clientIp(req.headers)));
export const OPTIONS = preflight;
