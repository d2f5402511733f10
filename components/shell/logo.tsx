import { cx } from "@/components/ui/cx";

/** The Fettle mark; decorative, the product name always sits next to it. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" className={cx("size-8 shrink-0", className)}>
      <rect width="32" height="32" rx="8" className="fill-brand-600" />
      <path
        d="M11 23V9h10M11 16h7"
        fill="none"
        stroke="white"
        strokeWidth="3"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
