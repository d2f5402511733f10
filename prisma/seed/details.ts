// The children of a generated work order: assignees, tasks, checklist, comments, time entries and the
// parts it consumed (with the matching stock issue).
import type { Member, TenantCtx } from "./context";
import { MINUTE, iso, money, type Buffers } from "./db";
import type { Inventory } from "./inventory";
import * as text from "./texts";
import type { Draft } from "./work-order";

export class Details {
  private tasks = 0;
  private checks = 0;
  private comments = 0;
  private times = 0;
  private usages = 0;
  private readonly workers: Member[];
  private readonly commenters: Member[];

  constructor(
    private readonly ctx: TenantCtx,
    private readonly inventory: Inventory,
  ) {
    this.workers = ctx.workers.length ? ctx.workers : ctx.admins;
    this.commenters = [...this.workers, ...ctx.admins];
  }

  add(buf: Buffers, d: Draft): void {
    const { ctx } = this;
    const { rng } = ctx;
    const started = d.startedAt !== null;
    const done = d.status === "completed" || d.status === "in_review";

    // Assignees: most started work has one technician, some two; open work is often unassigned.
    const assignees: Member[] = [];
    if (started || d.status === "on_hold" || rng.chance(0.5)) {
      const first = rng.pick(this.workers);
      assignees.push(first);
      if (started && this.workers.length > 1 && rng.chance(0.25)) {
        const second = rng.pick(this.workers);
        if (second.id !== first.id) assignees.push(second);
      }
    }
    const assignedAt = iso(d.createdAt + Math.min(30 * MINUTE, Math.max(0, (d.startedAt ?? d.updatedAt) - d.createdAt)));
    for (const m of assignees) buf.add("WorkOrderAssignee", { tenantId: ctx.id, workOrderId: d.id, userId: m.id, createdAt: assignedAt });

    // Tasks: the plan's list, or a short repair / survey sequence.
    const descriptions = d.plan
      ? d.plan.def.tasks
      : d.type === "corrective"
        ? ["Diagnose fault", rng.pick(text.CORRECTIVE_TASKS.slice(2, 5)), "Test run and hand back to production"]
        : [`Carry out: ${d.title}`, "Record findings"];
    const doneCount = done ? descriptions.length : started ? rng.int(0, descriptions.length - 1) : 0;
    const perTask = Math.max(5, Math.round(d.workedMinutes / Math.max(1, doneCount) / 5) * 5);
    const taskAt = iso(d.createdAt);
    descriptions.forEach((description, i) => {
      const isDone = i < doneCount;
      const failure = d.type === "corrective" && i === 0 && isDone;
      buf.add("WorkOrderTask", {
        id: ctx.rid("task", ++this.tasks, 7),
        tenantId: ctx.id,
        workOrderId: d.id,
        position: i + 1,
        description,
        done: isDone,
        durationMinutes: isDone ? perTask : null,
        failureType: failure ? text.failureType(d.asset?.def.category ?? "", (items) => rng.pick(items)) : null,
        failureCause: failure ? (d.failureCause ?? rng.pick(text.FAILURE_CAUSES)) : null,
        failureSeverity: failure ? rng.int(1, Math.min(5, (d.asset?.def.crit ?? 3) + 1)) : null,
        createdAt: taskAt,
        updatedAt: iso(isDone ? d.updatedAt : d.createdAt),
      });
    });

    // Checklists on preventive and inspection work.
    if (d.type === "preventive" || d.type === "inspection") {
      const offset = rng.int(0, text.CHECKLIST.length - 1);
      const items = d.type === "inspection" ? 4 : 3;
      for (let i = 0; i < items; i++) {
        const item = text.CHECKLIST[(offset + i) % text.CHECKLIST.length];
        buf.add("ChecklistItem", {
          id: ctx.rid("check", ++this.checks, 7),
          tenantId: ctx.id,
          workOrderId: d.id,
          position: i + 1,
          label: item.label,
          kind: item.kind,
          value: done ? this.answer(item.kind, item.label) : null,
          createdAt: taskAt,
          updatedAt: iso(done ? d.updatedAt : d.createdAt),
        });
      }
    }

    // Comments.
    const commentCount = done ? (rng.chance(0.4) ? 1 : 0) + (rng.chance(0.1) ? 1 : 0) : rng.chance(0.3) ? 1 : 0;
    for (let i = 0; i < commentCount; i++) {
      const at = iso(d.createdAt + Math.floor((d.updatedAt - d.createdAt) * rng.float(0.2, 1)));
      buf.add("Comment", {
        id: ctx.rid("comment", ++this.comments, 7),
        tenantId: ctx.id,
        workOrderId: d.id,
        authorId: (assignees[i] ?? rng.pick(this.commenters)).id,
        body: rng.pick(text.COMMENTS),
        createdAt: at,
        updatedAt: at,
      });
    }

    // Time booked by the assignees, split between them.
    if (started && assignees.length) {
      const share = Math.max(15, Math.round(d.workedMinutes / assignees.length / 15) * 15);
      for (const m of assignees) {
        const at = iso(d.startedAt! + Math.floor(rng.float(0, 0.2) * Math.max(0, d.updatedAt - d.startedAt!)));
        buf.add("TimeEntry", {
          id: ctx.rid("time", ++this.times, 7),
          tenantId: ctx.id,
          workOrderId: d.id,
          userId: m.id,
          startedAt: at,
          minutes: share,
          rate: money(m.rate ?? 45),
          createdAt: at,
          updatedAt: at,
        });
      }
    }

    // Spare parts on finished repairs and services.
    const usesParts = done && d.asset && (d.type === "corrective" ? rng.chance(0.45) : d.type === "preventive" && rng.chance(0.35));
    if (usesParts && d.asset) {
      const lines = rng.chance(0.75) ? 1 : 2;
      const at = d.completedAt ?? d.updatedAt;
      for (let i = 0; i < lines; i++) {
        const part = this.inventory.pickPart(d.asset.def.category);
        const warehouseId = part.warehouses.length > 1 && rng.chance(0.3) ? part.warehouses[1] : part.warehouses[0];
        const tenths = this.inventory.quantityTenths(part);
        buf.add("PartUsage", {
          id: ctx.rid("usage", ++this.usages, 7),
          tenantId: ctx.id,
          workOrderId: d.id,
          partId: part.id,
          warehouseId,
          quantity: tenths / 10,
          unitCost: money(part.def.cost),
          createdAt: iso(at),
        });
        this.inventory.issue(buf, part, warehouseId, tenths, d.id, d.code, at);
      }
    }
  }

  private answer(kind: string, label: string): string {
    const { rng } = this.ctx;
    switch (kind) {
      case "yes_no":
        return label.startsWith("Leaks") ? (rng.chance(0.15) ? "yes" : "no") : rng.chance(0.95) ? "yes" : "no";
      case "pass_flag_fail":
        return rng.weighted({ pass: 0.85, flag: 0.12, fail: 0.03 });
      case "number":
        return label.includes("current") ? rng.float(8, 42).toFixed(1) : rng.float(35, 72).toFixed(1);
      default:
        return rng.pick(text.OBSERVATIONS);
    }
  }
}
