"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cx } from "@/components/ui/cx";
import { CloseIcon, MenuIcon } from "@/components/ui/icons";
import type { NavLink } from "./nav-items";

type AppShellProps = {
  /** Product name and tenant name, left of the top bar. */
  brand: ReactNode;
  /** Account switcher, language picker, user: right of the top bar on a desktop, inside the menu on a phone. */
  controls: ReactNode;
  nav: NavLink[];
  children: ReactNode;
};

/**
 * Top bar + sidebar on a desktop; on a phone the controls and the navigation fold into one menu behind a
 * button. Each control is rendered once and only restyled per breakpoint, so no accessible name appears twice.
 */
export function AppShell({ brand, controls, nav, children }: AppShellProps) {
  const t = useTranslations("shell");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [renderedPath, setRenderedPath] = useState(pathname);
  const toggleRef = useRef<HTMLButtonElement>(null);

  // Following a link closes the phone menu (state adjusted during render rather than in an effect).
  if (renderedPath !== pathname) {
    setRenderedPath(pathname);
    setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggleRef.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only rounded-md bg-white text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      {/* Sticky on a desktop only: on a phone the open menu must scroll with the page it pushes down. */}
      <header className="border-b border-zinc-200 bg-white md:sticky md:top-0 md:z-30">
        <div className="flex min-h-14 flex-wrap items-center gap-x-3 px-4 py-2 md:h-14 md:flex-nowrap md:py-0">
          <button
            ref={toggleRef}
            type="button"
            onClick={() => setOpen((value) => !value)}
            aria-expanded={open}
            aria-controls="shell-controls shell-nav"
            className="-ml-2 rounded-md p-2 text-zinc-700 hover:bg-zinc-100 md:hidden"
          >
            {open ? <CloseIcon /> : <MenuIcon />}
            <span className="sr-only">{t("menu")}</span>
          </button>
          <div className="flex min-w-0 flex-1 items-center gap-2">{brand}</div>
          <div
            id="shell-controls"
            className={cx(
              open ? "flex" : "hidden",
              "mt-2 w-full flex-col gap-3 border-t border-zinc-100 pt-3 pb-1",
              "md:mt-0 md:flex md:w-auto md:flex-row md:items-center md:border-0 md:p-0",
            )}
          >
            {controls}
          </div>
        </div>
      </header>
      <div className="flex flex-1 flex-col md:flex-row">
        <nav
          id="shell-nav"
          aria-label={t("mainNavigation")}
          className={cx(
            open ? "block" : "hidden",
            "border-b border-zinc-200 bg-white md:block md:w-56 md:shrink-0 md:border-r md:border-b-0",
          )}
        >
          <ul className="flex flex-col gap-0.5 p-3 md:sticky md:top-14">
            {nav.map((item) => {
              const current = item.exact ? pathname === item.href : pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={current ? "page" : undefined}
                    className={cx(
                      "block rounded-md px-3 py-2 text-sm",
                      current ? "bg-brand-50 font-medium text-brand-800" : "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
