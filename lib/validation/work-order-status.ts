// The work order status machine (ARCHITECTURE.md §2): open → in_progress ⇄ on_hold → in_review →
// completed; any non-final status → cancelled. Pure data, shared by lib/data (which enforces it), the
// UI (which only offers legal moves) and the MCP tools (which name the legal moves in their errors).
export const WORK_ORDER_STATUSES = ["open", "in_progress", "on_hold", "in_review", "completed", "cancelled"] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const FINAL_STATUSES: readonly WorkOrderStatus[] = ["completed", "cancelled"];
/** Work still to be done: what "open work", backlog and "overdue" count. */
export const ACTIVE_STATUSES: readonly WorkOrderStatus[] = ["open", "in_progress", "on_hold", "in_review"];

const NEXT: Record<WorkOrderStatus, readonly WorkOrderStatus[]> = {
  open: ["in_progress", "cancelled"],
  in_progress: ["on_hold", "in_review", "cancelled"],
  on_hold: ["in_progress", "cancelled"],
  in_review: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

export function nextStatuses(from: WorkOrderStatus): readonly WorkOrderStatus[] {
  return NEXT[from];
}

export function canTransition(from: WorkOrderStatus, to: WorkOrderStatus): boolean {
  return NEXT[from].includes(to);
}

export function isFinal(status: WorkOrderStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
