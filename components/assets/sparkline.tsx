// A dependency-free line chart of a meter's recent readings: an inline SVG scaled to its box. The numbers
// it shows are also given in words (label) for screen readers, since the drawing carries no text.
import { cx } from "@/components/ui/cx";

export function Sparkline({ values, label, className }: { values: number[]; label: string; className?: string }) {
  const width = 240;
  const height = 56;
  const pad = 4;
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const points = values.map((v, i) => {
    const x = pad + (i * (width - 2 * pad)) / (values.length - 1);
    const y = height - pad - ((v - min) * (height - 2 * pad)) / span;
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const;
  });
  const line = points.map(([x, y], i) => `${i ? "L" : "M"}${x} ${y}`).join(" ");
  const area = `${line} L${points.at(-1)![0]} ${height - pad} L${points[0][0]} ${height - pad} Z`;
  const [lastX, lastY] = points.at(-1)!;
  return (
    <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label} className={cx("h-14 w-full", className)}>
      <path d={area} className="fill-brand-50" />
      <path d={line} className="fill-none stroke-brand-600" strokeWidth={1.75} vectorEffect="non-scaling-stroke" strokeLinejoin="round" />
      <circle cx={lastX} cy={lastY} r={2.5} className="fill-brand-700" />
    </svg>
  );
}
