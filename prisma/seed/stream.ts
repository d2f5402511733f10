// Generates a tenant's year of work orders in chronological order and writes them in chunks, each chunk
// with its children, so a million work orders never sit in memory at once.
import type { TenantCtx } from "./context";
import { Buffers } from "./db";
import { Details } from "./details";
import { Events } from "./events";
import type { Inventory } from "./inventory";
import type { Plans } from "./plans";
import { WorkOrderFactory, workOrderRow } from "./work-order";

/** Parents before children: every foreign key points at a table earlier in this list. */
const ORDER = [
  "WorkOrder",
  "WorkOrderAssignee",
  "WorkOrderTask",
  "ChecklistItem",
  "Comment",
  "TimeEntry",
  "PartUsage",
  "StockMovement",
  "Downtime",
  "WorkRequest",
  "PmOccurrence",
  "Stock",
] as const;

export interface StreamOptions {
  count: number;
  /** work orders per flush */
  chunk: number;
  /** called after each flushed chunk with the number of work orders generated so far */
  onChunk?: (done: number) => Promise<void>;
}

export interface StreamResult {
  workOrders: number;
  requests: number;
  last: { id: string; code: string } | null;
}

export async function seedWorkOrders(ctx: TenantCtx, inventory: Inventory, plans: Plans, opts: StreamOptions): Promise<StreamResult> {
  const buf = new Buffers(ORDER);
  // Plan work follows the plans' frequency; with a tiny history it is thinned to half the work orders.
  const factory = new WorkOrderFactory(ctx, opts.count, plans.schedule(Math.floor(opts.count / 2)));
  const details = new Details(ctx, inventory);
  // Short stops scale with the history but flatten out for benchmark-sized seeds.
  const recentWorkOrders = Math.max(1, (opts.count * 14) / 365);
  const events = new Events(
    ctx,
    0.12 * Math.min(1, Math.sqrt(5000 / Math.max(5000, opts.count))),
    Math.min(1, Math.max(0.06, 17 / recentWorkOrders)),
  );
  let last: StreamResult["last"] = null;
  for (let n = 1; n <= opts.count; n++) {
    const d = factory.next(n);
    buf.add("WorkOrder", workOrderRow(ctx, d));
    details.add(buf, d);
    events.add(buf, d);
    if (d.plan) plans.forWorkOrder(buf, d.plan, d);
    last = { id: d.id, code: d.code };
    if (buf.size("WorkOrder") >= opts.chunk) {
      buf.flush(ctx.w);
      await opts.onChunk?.(n);
    }
  }
  events.shutdowns(buf);
  plans.seedFuture(buf);
  inventory.finish(buf);
  buf.flush(ctx.w);
  await opts.onChunk?.(opts.count);
  return { workOrders: opts.count, requests: events.requests, last };
}
