/** An audit row's before/after summaries as compact JSON; long ones fold into a <details>. */
export function ChangeSummary({ before, after, labels }: { before: unknown; after: unknown; labels: { before: string; after: string } }) {
  const parts = [
    { label: labels.before, value: before },
    { label: labels.after, value: after },
  ].filter((p) => p.value !== null && p.value !== undefined);
  if (!parts.length) return <span className="text-zinc-400">—</span>;
  const text = parts.map((p) => `${p.label}: ${JSON.stringify(p.value)}`);
  const short = text.join(" → ");
  const body = (
    <span className="flex flex-col gap-0.5 font-mono text-xs break-all text-zinc-700">
      {text.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </span>
  );
  if (short.length <= 140) return body;
  return (
    <details>
      <summary className="cursor-pointer font-mono text-xs text-zinc-700">{short.slice(0, 100)}…</summary>
      <div className="mt-1">{body}</div>
    </details>
  );
}
