"use client";
import { useTranslations } from "next-intl";
import { ACTIONS, type Action, type Module } from "@/lib/tenancy/permissions";

export type Matrix = Partial<Record<Module, Action[]>>;

/** Metrics are read-only (ARCHITECTURE.md §3): their other cells do not exist. */
const actionsFor = (module: Module): readonly Action[] => (module === "metrics" ? ["view"] : ACTIONS);

/**
 * The module × {view, create, edit, delete} grid of a role or permission group. Real checkboxes in a real
 * table: each box is named "<action> <module>" for screen readers. Ticking any right ticks "view" (there is
 * no editing what you cannot see); unticking "view" clears the row.
 */
export function PermissionMatrix({
  modules,
  value,
  onChange,
  readOnly = false,
  caption,
}: {
  modules: readonly Module[];
  value: Matrix;
  onChange?: (next: Matrix) => void;
  readOnly?: boolean;
  caption: string;
}) {
  const t = useTranslations("settings.matrix");

  function toggle(module: Module, action: Action, on: boolean) {
    const current = new Set(value[module] ?? []);
    if (on) {
      current.add(action);
      current.add("view");
    } else if (action === "view") {
      current.clear();
    } else {
      current.delete(action);
    }
    onChange?.({ ...value, [module]: ACTIONS.filter((a) => current.has(a)) });
  }

  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 bg-zinc-50">
          <tr>
            <th scope="col" className="px-4 py-2.5 text-left text-xs font-semibold tracking-wide text-zinc-600 uppercase">
              {t("module")}
            </th>
            {ACTIONS.map((a) => (
              <th key={a} scope="col" className="px-3 py-2.5 text-center text-xs font-semibold tracking-wide text-zinc-600 uppercase">
                {t(`actions.${a}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {modules.map((m) => (
            <tr key={m}>
              <th scope="row" className="px-4 py-2.5 text-left font-medium text-zinc-800">
                {t(`modules.${m}`)}
              </th>
              {ACTIONS.map((a) => {
                const applies = actionsFor(m).includes(a);
                const checked = (value[m] ?? []).includes(a);
                return (
                  <td key={a} className="px-3 py-2.5 text-center">
                    {applies ? (
                      <input
                        type="checkbox"
                        className="size-4 accent-brand-600 disabled:opacity-70"
                        checked={checked}
                        disabled={readOnly}
                        onChange={(e) => toggle(m, a, e.target.checked)}
                        aria-label={t("cell", { action: t(`actions.${a}`), module: t(`modules.${m}`) })}
                      />
                    ) : (
                      <span className="text-zinc-300" aria-label={t("notApplicable")}>
                        —
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
