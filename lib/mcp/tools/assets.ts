// Asset and location tools for ChatGPT / Claude. Each calls the same lib/data function the asset pages
// use, with the same zod schema; outputs are compact (summary rows, capped nested lists) with ISO dates.
import { z } from "zod";
import { getAsset, searchAssets, type AssetDetail, type AssetSummary } from "@/lib/data/assets";
import { buildLocationTree, flattenLocationTree, getLocation, listChildLocations, listLocations } from "@/lib/data/locations";
import { recordMeterReading } from "@/lib/data/meters";
import { ASSET_STATUSES, assetSearchSchema } from "@/lib/validation/asset";
import { locationListSchema } from "@/lib/validation/location";
import { meterReadingSchema } from "@/lib/validation/meter";
import { CREATES, defineTool, READ_ONLY, type ToolDefinition } from "../define";

const READ = ["assets:read"] as const;
const WRITE = ["assets:write"] as const;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const place = z.object({ id: z.string(), code: z.string(), name: z.string() });

const assetRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  status: z.enum(ASSET_STATUSES),
  criticality: z.number().describe("1 (lowest) … 5 (most critical)"),
  location: place.nullable(),
  parentId: z.string().nullable(),
  childCount: z.number(),
});

const toRow = (a: AssetSummary): z.infer<typeof assetRow> => ({
  id: a.id,
  code: a.code,
  name: a.name,
  category: a.category,
  status: a.status,
  criticality: a.criticality,
  location: a.location,
  parentId: a.parentId,
  childCount: a.childCount,
});

const searchAssetsTool = defineTool({
  name: "search_assets",
  title: "Search assets",
  description:
    "Lists assets (equipment, lines, vehicles…) matching filters, ordered by code: query (text in code, name, category, manufacturer, model or serial), category, status (operational, degraded, down, retired), criticality or minCriticality (1 lowest … 5 most critical), locationId (that location and every location inside it; ids from list_locations) and parentId (direct children of an asset; null for top-level assets). Returns summary rows; use get_asset for meters, work orders, downtime and cost. Page with nextCursor.",
  scopes: READ,
  permission: ["assets", "view"],
  annotations: READ_ONLY,
  input: assetSearchSchema,
  output: z.object({ items: z.array(assetRow), nextCursor: z.string().nullable() }),
  async handler(input, { access }) {
    const page = await searchAssets(access, input);
    const items = page.items.map(toRow);
    return {
      structured: { items, nextCursor: page.nextCursor },
      summary: `${items.length} asset${items.length === 1 ? "" : "s"} on this page${page.nextCursor ? " (more with nextCursor)" : ""}${
        items.length ? `: ${items.slice(0, 10).map((a) => `${a.code} ${a.name}`).join("; ")}${items.length > 10 ? "; …" : ""}` : ""
      }.`,
    };
  },
});

const workOrderRow = z.object({
  id: z.string(),
  code: z.string(),
  title: z.string(),
  type: z.string(),
  priority: z.number(),
  status: z.string(),
  dueAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

const assetDetail = assetRow.omit({ parentId: true }).extend({
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  inService: z.string().nullable(),
  locationPath: z.string().nullable().describe('e.g. "Plant North / Utilities Room"'),
  parent: place.nullable(),
  children: z.array(z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.string(), criticality: z.number() })),
  meters: z
    .array(
      z.object({
        id: z.string().describe("meterId for record_meter_reading"),
        name: z.string(),
        unit: z.string(),
        kind: z.enum(["gauge", "counter"]),
        latest: z.object({ value: z.number(), at: z.string() }).nullable(),
        recent: z.array(z.object({ value: z.number(), at: z.string() })).describe("oldest first; empty unless recentReadings > 0"),
      }),
    )
    .describe("meters on this asset"),
  openWorkOrders: z.array(workOrderRow).nullable().describe("by priority; null without work-order access"),
  recentClosedWorkOrders: z.array(workOrderRow).nullable().describe("latest completed or cancelled; null without work-order access"),
  downtime: z.object({
    last365Days: z.object({ periods: z.number(), hours: z.number(), unplannedHours: z.number() }),
    ongoing: z.boolean(),
    recent: z.array(
      z.object({
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        hours: z.number(),
        planned: z.boolean(),
        reason: z.string().nullable(),
        workOrderCode: z.string().nullable(),
      }),
    ),
  }),
  cost: z
    .object({
      currency: z.string(),
      labour: z.number(),
      parts: z.number(),
      total: z.number(),
      byMonth: z.array(z.object({ month: z.string().describe("YYYY-MM"), labour: z.number(), parts: z.number() })).describe("last 12 months"),
    })
    .nullable()
    .describe("cost to date over the asset's work orders (labour = minutes × rate, parts = quantity × unit cost); null without work-order access"),
});

const WO_LIMIT = 10;

function toDetail(a: AssetDetail): z.infer<typeof assetDetail> {
  const wo = (list: NonNullable<AssetDetail["workOrders"]>["open"]) =>
    list.slice(0, WO_LIMIT).map((w) => ({
      id: w.id,
      code: w.code,
      title: w.title,
      type: w.type,
      priority: w.priority,
      status: w.status,
      dueAt: iso(w.dueAt),
      completedAt: iso(w.completedAt),
    }));
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    category: a.category,
    status: a.status,
    criticality: a.criticality,
    manufacturer: a.manufacturer,
    model: a.model,
    serial: a.serial,
    inService: iso(a.inService)?.slice(0, 10) ?? null,
    location: a.location,
    locationPath: a.locationPath.length ? a.locationPath.map((l) => l.name).join(" / ") : null,
    parent: a.parent,
    childCount: a.children.length,
    children: a.children.slice(0, 50).map(({ id, code, name, status, criticality }) => ({ id, code, name, status, criticality })),
    meters: a.meters.map((m) => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      kind: m.kind,
      latest: m.latest ? { value: m.latest.value, at: m.latest.at.toISOString() } : null,
      recent: m.readings.map((r) => ({ value: r.value, at: r.at.toISOString() })),
    })),
    openWorkOrders: a.workOrders ? wo(a.workOrders.open) : null,
    recentClosedWorkOrders: a.workOrders ? wo(a.workOrders.past) : null,
    downtime: {
      last365Days: { periods: a.downtime.summary.count, hours: a.downtime.summary.hours, unplannedHours: a.downtime.summary.unplannedHours },
      ongoing: a.downtime.summary.ongoing,
      recent: a.downtime.recent.map((d) => ({
        startedAt: d.startedAt.toISOString(),
        endedAt: iso(d.endedAt),
        hours: d.hours,
        planned: d.planned,
        reason: d.reason,
        workOrderCode: d.workOrder?.code ?? null,
      })),
    },
    cost: a.cost,
  };
}

const getAssetTool = defineTool({
  name: "get_asset",
  title: "Get an asset",
  description:
    "One asset by id or by code (e.g. \"UT-AC-01\"): its details, where it sits (location path, parent, children), its meters with latest readings (meter ids for record_meter_reading), open and recently closed work orders, downtime (last 365 days and recent periods) and cost to date (labour + parts, with the last 12 months). Set recentReadings to also get that many recent readings per meter.",
  scopes: READ,
  permission: ["assets", "view"],
  annotations: READ_ONLY,
  input: z
    .object({
      id: z.string().max(200).optional().describe("Asset id"),
      code: z.string().max(40).optional().describe("Asset code, e.g. UT-AC-01"),
      recentReadings: z.number().int().min(0).max(50).optional().describe("Recent readings per meter to include (default 0)."),
    })
    .refine((v) => v.id || v.code, { message: "Give id or code" }),
  output: assetDetail,
  async handler(input, { access }) {
    const a = await getAsset(access, (input.id ?? input.code)!, { readings: input.recentReadings ?? 0, workOrders: WO_LIMIT, downtime: 5 });
    const out = toDetail(a);
    const open = out.openWorkOrders ? `, ${out.openWorkOrders.length} open work order${out.openWorkOrders.length === 1 ? "" : "s"}` : "";
    const cost = out.cost ? `, cost to date ${out.cost.total.toFixed(2)} ${out.cost.currency}` : "";
    return {
      structured: out,
      summary: `${a.code} ${a.name}: ${a.status}, criticality ${a.criticality}${out.locationPath ? `, at ${out.locationPath}` : ""}${open}, ${out.downtime.last365Days.hours} h downtime in the last 365 days${cost}.`,
    };
  },
});

const locationRow = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  path: z.string().describe('names from the top, e.g. "Plant North / Line 1"'),
  depth: z.number().describe("0 for a top-level location"),
  assetCount: z.number().describe("assets directly at this location"),
  childCount: z.number(),
});

const listLocationsTool = defineTool({
  name: "list_locations",
  title: "List locations",
  description:
    "The tenant's locations (sites, buildings, areas, production lines). Without parentId: the whole tree, depth-first, each with its path and depth. With parentId: only that location's direct children. Use the ids with search_assets(locationId) to list the assets at a location.",
  scopes: READ,
  permission: ["assets", "view"],
  annotations: READ_ONLY,
  input: locationListSchema,
  output: z.object({ locations: z.array(locationRow) }),
  async handler(input, { access }) {
    let locations: z.infer<typeof locationRow>[];
    if (input.parentId) {
      const parent = await getLocation(access, input.parentId);
      const prefix = [...parent.path.map((p) => p.name), parent.name].join(" / ");
      const depth = parent.path.length + 1;
      locations = (await listChildLocations(access, parent.id)).map((l) => ({ ...l, path: `${prefix} / ${l.name}`, depth }));
    } else {
      locations = flattenLocationTree(buildLocationTree(await listLocations(access))).map(({ children: _children, ...l }) => l);
    }
    return {
      structured: { locations },
      summary: `${locations.length} location${locations.length === 1 ? "" : "s"}${locations.length ? `: ${locations.slice(0, 15).map((l) => l.path).join("; ")}${locations.length > 15 ? "; …" : ""}` : ""}.`,
    };
  },
});

const recordMeterReadingTool = defineTool({
  name: "record_meter_reading",
  title: "Record a meter reading",
  description:
    "Records a reading on an asset's meter (meter ids come from get_asset). Counter meters (e.g. runtime hours) cannot go backwards; gauges (temperature, vibration…) take any value. Returns the reading and any preventive-maintenance occurrences it made due (a meter interval reached or a threshold crossed); the PM scheduler turns those into work orders.",
  scopes: WRITE,
  permission: ["assets", "edit"],
  annotations: CREATES,
  input: meterReadingSchema,
  output: z.object({
    reading: z.object({ id: z.string(), meterId: z.string(), assetId: z.string(), at: z.string(), value: z.number() }),
    meter: z.object({ name: z.string(), unit: z.string(), kind: z.enum(["gauge", "counter"]) }),
    triggeredPm: z.array(
      z.object({ occurrenceId: z.string(), planId: z.string(), planCode: z.string(), planName: z.string(), dueAt: z.string(), reason: z.string() }),
    ),
  }),
  async handler(input, { access }) {
    const r = await recordMeterReading(access, input, "mcp");
    const triggeredPm = r.triggered.map((t) => ({
      occurrenceId: t.occurrenceId,
      planId: t.planId,
      planCode: t.planCode,
      planName: t.planName,
      dueAt: t.dueAt.toISOString(),
      reason: t.reason,
    }));
    const pm = triggeredPm.length ? ` It made due: ${triggeredPm.map((t) => `${t.planCode} ${t.planName} (${t.reason})`).join("; ")}.` : " No preventive maintenance fell due.";
    return {
      structured: {
        reading: { id: r.reading.id, meterId: r.reading.meterId, assetId: r.reading.assetId, at: r.reading.at.toISOString(), value: r.reading.value },
        meter: { name: r.meter.name, unit: r.meter.unit, kind: r.meter.kind },
        triggeredPm,
      },
      summary: `Recorded ${r.reading.value} ${r.meter.unit} on ${r.meter.name}.${pm}`,
    };
  },
});

export const assetTools: ToolDefinition[] = [searchAssetsTool, getAssetTool, listLocationsTool, recordMeterReadingTool];
