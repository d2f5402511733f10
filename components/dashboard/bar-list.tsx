/** Labelled horizontal bars drawn with CSS: readable as a list by anyone, a chart at a glance. */
export function BarList({ items, label }: { items: { key: string; label: string; value: number; display: string; tone?: string }[]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul aria-label={label} className="flex flex-col gap-2">
      {items.map((item) => (
        <li key={item.key} className="grid grid-cols-[minmax(6rem,8rem)_1fr_auto] items-center gap-3 text-sm">
          <span className="truncate text-zinc-700">{item.label}</span>
          <span className="h-3 rounded-full bg-zinc-100" aria-hidden="true">
            <span className={`block h-3 rounded-full ${item.tone ?? "bg-brand-600"}`} style={{ width: `${(item.value / max) * 100}%` }} />
          </span>
          <span className="text-right font-medium text-zinc-900 tabular-nums">{item.display}</span>
        </li>
      ))}
    </ul>
  );
}
