import Link from "next/link";
import { cx } from "./cx";

/** Sections of one area as tabs under the page title (links, the current one marked for assistive tech). */
export function TabNav({ label, tabs, current }: { label: string; tabs: { key: string; href: string; text: string }[]; current: string }) {
  return (
    <nav aria-label={label} className="-mx-1 mb-4 overflow-x-auto">
      <ul className="flex gap-1 px-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={current === tab.key ? "page" : undefined}
              className={cx(
                "block rounded-md px-3 py-1.5 text-sm whitespace-nowrap",
                current === tab.key ? "bg-brand-600 font-medium text-white" : "text-zinc-700 hover:bg-zinc-100",
              )}
            >
              {tab.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
