"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";

export type SettingsNavItem = { href: string; label: string; exact?: boolean };

/**
 * The settings sub-navigation: a column beside the content on a wide screen, a row that scrolls sideways
 * on narrower ones. The current section is marked with aria-current, not colour alone.
 */
export function SettingsNav({ label, items }: { label: string; items: SettingsNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mx-4 border-b border-zinc-200 px-4 sm:mx-0 sm:px-0 xl:w-48 xl:shrink-0 xl:border-0">
      <ul className="flex gap-1 overflow-x-auto pb-2 xl:flex-col xl:overflow-visible xl:pb-0">
        {items.map((item) => {
          const current = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "block rounded-md px-3 py-2 text-sm whitespace-nowrap",
                  current ? "bg-white font-medium text-brand-800 shadow-sm ring-1 ring-zinc-200" : "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Tabs inside a section (API connections: OAuth consumers | App authorizations), as links. */
export function SectionTabs({ label, items }: { label: string; items: SettingsNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="mb-6 border-b border-zinc-200">
      <ul className="-mb-px flex gap-4 overflow-x-auto">
        {items.map((item) => {
          const current = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "block border-b-2 px-1 py-2 text-sm whitespace-nowrap",
                  current ? "border-brand-600 font-medium text-brand-800" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
