import type { ComponentProps } from "react";
import { cx } from "./cx";

/**
 * The table scrolls sideways inside its own box on narrow screens instead of widening the page. The box is
 * focusable and named after the caption so keyboard users can scroll it too.
 */
export function Table({ caption, hideCaption, className, children, ...props }: ComponentProps<"table"> & { caption: string; hideCaption?: boolean }) {
  return (
    <div
      className="overflow-x-auto rounded-lg border border-zinc-200 bg-white shadow-sm"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className={cx("w-full border-collapse text-left text-sm", className)} {...props}>
        <caption className={hideCaption ? "sr-only" : "px-4 pt-4 pb-2 text-left font-medium text-zinc-900"}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function THead({ className, ...props }: ComponentProps<"thead">) {
  return <thead className={cx("border-b border-zinc-200 bg-zinc-50", className)} {...props} />;
}

export function TBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cx("divide-y divide-zinc-100", className)} {...props} />;
}

export function TR({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cx("hover:bg-zinc-50", className)} {...props} />;
}

export function TH({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cx("px-4 py-2.5 text-xs font-semibold tracking-wide whitespace-nowrap text-zinc-600 uppercase", className)}
      {...props}
    />
  );
}

export function TD({ className, ...props }: ComponentProps<"td">) {
  return <td className={cx("px-4 py-3 text-zinc-800", className)} {...props} />;
}
