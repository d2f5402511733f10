// Authorization endpoint (OAuth 2.1 §4.1.1): GET validates and shows consent, POST records the decision.
// Thin: lib/oauth/consent.ts is the flow. Unexpected failures show the error page, never a stack trace.
import { handleAuthorizeGet, handleAuthorizePost } from "@/lib/oauth/consent";
import { errorPage } from "@/lib/oauth/consent-page";

export const dynamic = "force-dynamic";

function guarded(fn: (req: Request) => Promise<Response>) {
  return async (req: Request) => {
    try {
      return await fn(req);
    } catch (e) {
      // Next's own control flow (e.g. a redirect thrown by a helper) must pass through.
      if (e && typeof e === "object" && "digest" in e) throw e;
      console.error(JSON.stringify({ level: "error", msg: "authorization endpoint failed", error: String(e) }));
      return errorPage("server_error", 500);
    }
  };
}

export const GET = guarded(handleAuthorizeGet);
export const POST = guarded(handleAuthorizePost);
