// The state shared by the seed steps of one tenant: its definition, PRNG, time window and the ids of
// what earlier steps created.
import type { AssetDef, MeterDef, PartDef, PlanDef, PersonDef } from "./catalog";
import { DAY, type Writer } from "./db";
import { Rng } from "./rng";
import { tenantId, userId, type TenantDef } from "./tenants";

export interface Member extends PersonDef {
  id: string;
}

export interface AssetInfo {
  id: string;
  def: AssetDef;
  locationId: string;
  /** line / facility level (has children and no direct work) */
  isGroup: boolean;
}

export interface MeterInfo {
  id: string;
  assetId: string;
  def: MeterDef;
}

export interface PartInfo {
  id: string;
  def: PartDef;
  /** warehouse ids holding this part, first = main */
  warehouses: string[];
}

export interface PlanInfo {
  id: string;
  def: PlanDef;
  assetId: string | null;
  locationId: string | null;
  /** due date = creation + lead (constant per plan, so due dates never repeat within a plan) */
  leadMs: number;
  /** occurrences per year (0 = inactive plan) */
  weight: number;
}

export class TenantCtx {
  readonly id: string;
  readonly slug: string;
  readonly rng: Rng;
  /** history runs from `start` to `anchor` (one year) */
  readonly start: number;
  /** when the tenant and its master data were created */
  readonly created: number;
  readonly members: Member[];
  /** location code → id */
  readonly locations = new Map<string, string>();
  /** location id → name */
  readonly locationNames = new Map<string, string>();
  readonly assets: AssetInfo[] = [];
  readonly assetByCode = new Map<string, AssetInfo>();
  readonly meters = new Map<string, MeterInfo>();
  readonly parts: PartInfo[] = [];
  readonly plans: PlanInfo[] = [];
  readonly roles = new Map<string, string>();
  aiGroupId = "";

  constructor(
    readonly def: TenantDef,
    readonly anchor: number,
    readonly w: Writer,
  ) {
    this.id = tenantId(def.slug);
    this.slug = def.slug;
    this.rng = new Rng(`fettle-seed:${def.slug}`);
    this.start = anchor - 365 * DAY;
    this.created = this.start - 30 * DAY;
    this.members = def.people.map((p) => ({ ...p, id: userId(p.email) }));
  }

  /** A readable, stable id: acme-wo-000042. */
  rid(kind: string, n: number | string, width = 4): string {
    return `${this.slug}-${kind}-${typeof n === "number" ? String(n).padStart(width, "0") : n}`;
  }

  /** People who do maintenance work (time entries, assignments). */
  get workers(): Member[] {
    return this.members.filter((m) => m.role === "technician" || m.role === "limited_technician");
  }

  get admins(): Member[] {
    return this.members.filter((m) => m.role === "administrator");
  }
}
