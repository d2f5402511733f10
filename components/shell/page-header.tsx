import type { ReactNode } from "react";

/** The one <h1> of a tenant page, with an optional line of context under it. */
export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <div className="mb-6">
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
      {description && <div className="mt-1 text-sm text-zinc-600">{description}</div>}
    </div>
  );
}
