// The Transactions log as CSV (RFC 4180). Audit rows hold text that users and AI clients typed (work
// order titles, consumer names), so every cell is escaped and cells that a spreadsheet would run as a
// formula are defused (OWASP "CSV injection": a leading = + - @, tab or carriage return gets a ').
import type { AuditRow } from "./audit-log";

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: unknown[]) => cells.map(csvCell).join(",") + "\r\n";

export const AUDIT_CSV_HEADER = ["time_utc", "actor_type", "user_email", "user_name", "consumer", "action", "entity", "entity_id", "before", "after", "ip"];

export function auditCsvLine(row: AuditRow): string {
  return csvLine([
    row.at.toISOString(),
    row.actorType,
    row.user?.email,
    row.user?.name,
    row.consumer?.name,
    row.action,
    row.entity,
    row.entityId,
    row.before,
    row.after,
    row.ip,
  ]);
}
