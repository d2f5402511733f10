// What happens around work orders: downtime (unplanned stops tied to repairs, short operator-cleared
// stops, planned outages for big PMs and quarterly line shutdowns) and work requests (approved into a
// work order, rejected, cancelled or still open). Downtime of one asset never overlaps.
import type { AssetInfo, Member, TenantCtx } from "./context";
import { DAY, HOUR, MINUTE, iso, pad, type Buffers } from "./db";
import * as text from "./texts";
import type { Draft } from "./work-order";

export class Events {
  private downtimes = 0;
  requests = 0;
  private readonly busyUntil = new Map<string, number>();
  private readonly requesters: Member[];
  private readonly stopAssets: AssetInfo[];

  constructor(
    private readonly ctx: TenantCtx,
    /** chance per work order of a short stop with no work order (scaled down for huge seeds) */
    private readonly stopChance: number,
    /** chance per recent work order of an extra request, so each tenant has a dozen or so open */
    private readonly recentRequestChance: number,
  ) {
    const dedicated = ctx.members.filter((m) => m.role === "requester");
    // Requesters file most requests; technicians and others the rest.
    this.requesters = [...dedicated, ...dedicated, ...dedicated, ...ctx.members];
    this.stopAssets = ctx.assets.filter((a) => !a.isGroup && a.def.status !== "retired" && a.def.crit >= 3);
  }

  add(buf: Buffers, d: Draft): void {
    const { rng } = this.ctx;
    const a = d.asset;
    if (a && !a.isGroup) {
      if (d.holdsAssetDown) {
        this.downtime(buf, a, d.createdAt - rng.int(5, 45) * MINUTE, null, false, `${d.title}`, d.id, true);
      } else if (d.type === "corrective" && a.def.crit >= 3 && d.status !== "cancelled" && rng.chance(0.45)) {
        const start = d.createdAt - rng.int(5, 60) * MINUTE;
        // Urgent repairs keep the asset down until completed; others were a stop, then a run-on until the fix.
        const end = d.priority <= 2 && d.completedAt !== null ? d.completedAt : Math.min(this.ctx.anchor - MINUTE, start + Math.floor(rng.float(0.5, 4) * HOUR));
        this.downtime(buf, a, start, end, false, d.title, d.id);
      } else if (d.plan && d.completedAt && d.startedAt && d.plan.def.hours >= 4) {
        this.downtime(buf, a, d.startedAt, d.completedAt, true, `Planned outage for ${d.plan.def.code}`, d.id);
      }
    }
    if (this.stopAssets.length && rng.chance(this.stopChance)) {
      const start = d.createdAt + rng.int(10, 240) * MINUTE;
      const end = start + rng.int(5, 90) * MINUTE;
      if (end < this.ctx.anchor) this.downtime(buf, rng.pick(this.stopAssets), start, end, false, rng.pick(text.STOP_REASONS), null);
    }

    if (d.type === "corrective" && rng.chance(0.3)) {
      this.request(buf, d, "approved", d.createdAt - rng.int(10, 600) * MINUTE);
    }
    // Unprocessed requests pile up only recently: older ones were rejected or withdrawn.
    const recent = this.ctx.anchor - d.createdAt < 14 * DAY;
    if (rng.chance(recent ? this.recentRequestChance : 0.06)) {
      const at = d.createdAt + rng.int(1, 50) * MINUTE;
      if (at < this.ctx.anchor) {
        const status = recent ? rng.weighted({ open: 0.7, rejected: 0.2, cancelled: 0.1 }) : rng.weighted({ rejected: 0.65, cancelled: 0.35 });
        this.request(buf, d, status, at);
      }
    }
  }

  /** Quarterly planned shutdowns of whole lines / stations (not tied to a work order). */
  shutdowns(buf: Buffers): void {
    const { ctx } = this;
    ctx.def.catalog.shutdownAssets.forEach((code, i) => {
      const a = ctx.assetByCode.get(code);
      if (!a) return;
      for (let q = 0; q < 4; q++) {
        const start = ctx.start + (q * 91 + 20 + i * 3) * DAY + 6 * HOUR;
        const end = start + ctx.rng.int(8, 30) * HOUR;
        if (end < ctx.anchor) this.downtime(buf, a, start, end, true, ctx.rng.pick(text.SHUTDOWN_REASONS), null);
      }
    });
  }

  private downtime(buf: Buffers, a: AssetInfo, start: number, end: number | null, planned: boolean, reason: string, workOrderId: string | null, force = false): void {
    const busy = this.busyUntil.get(a.id) ?? 0;
    if (start <= busy) {
      if (!force || busy === Infinity) return;
      start = busy + MINUTE;
    }
    if (end !== null && end <= start) return;
    this.busyUntil.set(a.id, end ?? Infinity);
    buf.add("Downtime", {
      id: this.ctx.rid("downtime", ++this.downtimes, 6),
      tenantId: this.ctx.id,
      assetId: a.id,
      workOrderId,
      startedAt: iso(start),
      endedAt: end === null ? null : iso(end),
      planned,
      reason,
      createdAt: iso(start),
      updatedAt: iso(end ?? start),
    });
  }

  private request(buf: Buffers, d: Draft, status: "open" | "approved" | "rejected" | "cancelled", at: number): void {
    const { ctx } = this;
    const { rng } = ctx;
    const n = ++this.requests;
    const assetName = d.asset?.def.name ?? "the line";
    const locationName = ctx.locationNames.get(d.locationId ?? "") ?? "the plant";
    const description = rng.pick(text.REQUESTS).replace("{asset}", assetName).replace("{location}", locationName);
    const updated = status === "approved" ? d.createdAt : status === "open" ? at : Math.min(ctx.anchor - MINUTE, at + rng.int(1, 48) * HOUR);
    buf.add("WorkRequest", {
      id: ctx.rid("request", n, 5),
      tenantId: ctx.id,
      code: `REQ-${pad(n, 5)}`,
      requesterId: rng.pick(this.requesters).id,
      assetId: d.asset?.id ?? null,
      locationId: d.locationId,
      description,
      urgent: status === "approved" ? d.priority <= 2 : rng.chance(0.1),
      status,
      rejectionReason: status === "rejected" ? rng.pick(text.REJECTIONS) : null,
      workOrderId: status === "approved" ? d.id : null,
      createdAt: iso(at),
      updatedAt: iso(Math.max(at, updated)),
    });
  }
}
