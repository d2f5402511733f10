// The PM scheduler for a cron (e.g. Vercel Cron, which calls GET with `Authorization: Bearer $CRON_SECRET`).
// Without CRON_SECRET configured nothing can authenticate, so every call is refused.
import { createHash, timingSafeEqual } from "node:crypto";
import { runScheduler } from "@/lib/data/scheduler";

export const dynamic = "force-dynamic";
// A run over many tenants can take a while; serverless platforms cap it at their own limit.
export const maxDuration = 300;

/** Constant-time: both sides are hashed first, so neither the length nor the content leaks through timing. */
function authorized(request: Request): boolean {
  const secret = process.env.CRON_SECRET;
  const header = request.headers.get("authorization") ?? "";
  if (!secret || !header.startsWith("Bearer ")) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(header.slice(7)), digest(secret));
}

async function handle(request: Request): Promise<Response> {
  if (!authorized(request)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { "www-authenticate": "Bearer", "cache-control": "no-store" } });
  }
  try {
    return Response.json(await runScheduler(), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    console.error(JSON.stringify({ level: "error", msg: "scheduler run failed", error: String(e) }));
    return Response.json({ error: "scheduler_failed" }, { status: 500, headers: { "cache-control": "no-store" } });
  }
}

export const GET = handle;
export const POST = handle;
