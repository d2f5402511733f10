import type { ComponentProps } from "react";
import { cx } from "./cx";
import { controlClasses, Field, type FieldProps } from "./field";

type SelectProps = Omit<ComponentProps<"select">, "id" | "size"> & FieldProps & { size?: "sm" | "md" };

/** A native select (keyboard and screen-reader behaviour for free) with a label; options are children. */
export function Select({ label, hideLabel, hint, error, id, className, size = "md", children, ...props }: SelectProps) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error} id={id} className={className}>
      {(control) => (
        <div className="relative">
          <select
            {...control}
            {...props}
            className={cx(controlClasses, "appearance-none pr-9 pl-3", size === "sm" ? "h-8" : "h-10")}
          >
            {children}
          </select>
          <svg
            className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-zinc-500"
            viewBox="0 0 20 20"
            fill="currentColor"
            aria-hidden="true"
          >
            <path
              fillRule="evenodd"
              d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z"
              clipRule="evenodd"
            />
          </svg>
        </div>
      )}
    </Field>
  );
}
