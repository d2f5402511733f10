import type { ReactNode } from "react";

/** The heading of a settings section (the page's <h1> is "Settings"), with an optional action. */
export function SectionHeader({ title, description, action }: { title: string; description?: ReactNode; action?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        <h2 className="text-lg font-semibold text-zinc-900">{title}</h2>
        {description && <div className="mt-1 max-w-2xl text-sm text-zinc-600">{description}</div>}
      </div>
      {action && <div className="shrink-0">{action}</div>}
    </div>
  );
}
