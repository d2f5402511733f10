// Settings → Transactions log → Export CSV: the same filters and the same lib/data query as the page,
// streamed a batch at a time so a large log never sits in memory. Settings viewers only (404 otherwise).
import { notFound } from "next/navigation";
import { clientIp } from "@/lib/auth/session";
import { auditLogBatches, recordAuditExport } from "@/lib/data/audit-log";
import { AUDIT_CSV_HEADER, auditCsvLine, csvLine } from "@/lib/data/audit-log-csv";
import { can, requireTenant } from "@/lib/tenancy";
import { auditFilterSchema } from "@/lib/validation/settings-api";

export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireTenant(slug);
  if (!can(access, "settings", "view")) notFound();
  const { cursor: _ignored, ...filter } = auditFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  await recordAuditExport(access, filter, clientIp(request.headers));
  const encoder = new TextEncoder();
  const batches = auditLogBatches(access, filter, tenant.timezone);

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // The byte-order mark makes spreadsheet programs read the file as UTF-8 (names like "María").
      controller.enqueue(encoder.encode("\uFEFF" + csvLine(AUDIT_CSV_HEADER)));
    },
    async pull(controller) {
      try {
        const { value, done } = await batches.next();
        if (done) return controller.close();
        controller.enqueue(encoder.encode(value.map(auditCsvLine).join("")));
      } catch (e) {
        console.error(JSON.stringify({ level: "error", msg: "audit log export failed", error: String(e) }));
        controller.error(e);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });

  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${tenant.slug}-transactions-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
