"use client";
// The dashboard's charts (Recharts). Each is a figure with a text alternative: the numbers it draws are
// also in the page (cards and tables) or summarised in its aria-label, so the picture is never the only
// way to read them.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useFormatter } from "next-intl";
import type { TrendPoint } from "@/lib/kpi/trends";

const BRAND = "#0f766e";
const BRAND_LIGHT = "#5eead4";
const AMBER = "#d97706";
const ZINC = "#71717a";

function useMonthLabel() {
  const format = useFormatter();
  return (month: string) => format.dateTime(new Date(`${month}-15T12:00:00Z`), { month: "short", year: "2-digit", timeZone: "UTC" });
}

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <figure role="img" aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        {children as React.ReactElement}
      </ResponsiveContainer>
    </figure>
  );
}

const axis = { fontSize: 12, fill: ZINC };

export function CostChart({ months, currency, labels }: { months: TrendPoint[]; currency: string; labels: { labour: string; parts: string; summary: string } }) {
  const format = useFormatter();
  const monthLabel = useMonthLabel();
  const money = (v: number) => format.number(v, { style: "currency", currency, maximumFractionDigits: 0 });
  return (
    <Figure label={labels.summary}>
      <ComposedChart data={months} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tickFormatter={monthLabel} tick={axis} />
        <YAxis tickFormatter={(v: number) => format.number(v, { notation: "compact" })} tick={axis} width={48} />
        <Tooltip labelFormatter={(m) => monthLabel(String(m))} formatter={(v) => money(Number(v))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="labourCost" name={labels.labour} stackId="cost" fill={BRAND} />
        <Bar dataKey="partsCost" name={labels.parts} stackId="cost" fill={BRAND_LIGHT} />
      </ComposedChart>
    </Figure>
  );
}

export function WorkOrderChart({ months, labels }: { months: TrendPoint[]; labels: { created: string; completed: string; summary: string } }) {
  const monthLabel = useMonthLabel();
  return (
    <Figure label={labels.summary}>
      <ComposedChart data={months} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tickFormatter={monthLabel} tick={axis} />
        <YAxis allowDecimals={false} tick={axis} width={40} />
        <Tooltip labelFormatter={(m) => monthLabel(String(m))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="created" name={labels.created} fill={BRAND_LIGHT} />
        <Line dataKey="completed" name={labels.completed} stroke={BRAND} strokeWidth={2} dot={false} />
      </ComposedChart>
    </Figure>
  );
}

export function DowntimeChart({ months, labels }: { months: TrendPoint[]; labels: { downtime: string; mttr: string; summary: string } }) {
  const format = useFormatter();
  const monthLabel = useMonthLabel();
  const hours = (v: number) => `${format.number(v, { maximumFractionDigits: 1 })} h`;
  return (
    <Figure label={labels.summary}>
      <ComposedChart data={months} margin={{ top: 8, right: 0, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="month" tickFormatter={monthLabel} tick={axis} />
        <YAxis yAxisId="h" tick={axis} width={40} />
        <YAxis yAxisId="mttr" orientation="right" tick={axis} width={36} />
        <Tooltip labelFormatter={(m) => monthLabel(String(m))} formatter={(v) => (v === null || v === undefined ? "—" : hours(Number(v)))} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="h" dataKey="unplannedDowntimeHours" name={labels.downtime} fill={AMBER} />
        <Line yAxisId="mttr" dataKey="mttr" name={labels.mttr} stroke={BRAND} strokeWidth={2} connectNulls dot={{ r: 2 }} />
      </ComposedChart>
    </Figure>
  );
}

export function ParetoChart({
  causes,
  labels,
}: {
  causes: { cause: string; label: string; failures: number; cumulativeShare: number }[];
  labels: { failures: string; cumulative: string; summary: string };
}) {
  const format = useFormatter();
  return (
    <Figure label={labels.summary}>
      <ComposedChart data={causes} margin={{ top: 8, right: 0, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={axis} interval={0} angle={-30} textAnchor="end" height={60} />
        <YAxis yAxisId="n" allowDecimals={false} tick={axis} width={40} />
        <YAxis yAxisId="pct" orientation="right" domain={[0, 1]} tickFormatter={(v: number) => format.number(v, { style: "percent" })} tick={axis} width={44} />
        <Tooltip formatter={(v, name) => (name === labels.cumulative ? format.number(Number(v), { style: "percent", maximumFractionDigits: 1 }) : String(v))} />
        <Bar yAxisId="n" dataKey="failures" name={labels.failures} fill={BRAND} />
        <Line yAxisId="pct" dataKey="cumulativeShare" name={labels.cumulative} stroke={AMBER} strokeWidth={2} dot={{ r: 2 }} />
      </ComposedChart>
    </Figure>
  );
}
