import "server-only";
// Work orders: the one data API behind the browser pages and the MCP tools. Every function takes the
// caller's Access first, checks the workorders permission, parses its input with the shared schema
// (lib/validation/work-order.ts) and does all its work in one tenant transaction under RLS, where a row
// of another tenant is indistinguishable from a missing one. Writes are audited in the same transaction.
export { listWorkOrders, countWorkOrders, type WorkOrderPage, type WorkOrderSummary } from "./work-orders/list";
export { getWorkOrder, type WorkOrderDetail } from "./work-orders/detail";
export { createWorkOrder } from "./work-orders/create";
export { updateWorkOrder, assignWorkOrder } from "./work-orders/update";
export { changeWorkOrderStatus } from "./work-orders/status";
export { setTaskDone, addTask, answerChecklistItem, addChecklistItem, setFailureCoding } from "./work-orders/execution";
export { addComment, logTime, addPartUsage } from "./work-orders/records";
export { listAssignableUsers, listWorkOrderOptions } from "./work-orders/options";
