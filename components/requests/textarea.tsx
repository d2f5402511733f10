import type { ComponentProps } from "react";
import { cx } from "@/components/ui/cx";
import { controlClasses, Field, type FieldProps } from "@/components/ui/field";

/** A labelled multi-line text field, wired like components/ui Input (hint, error, aria). */
export function Textarea({ label, hideLabel, hint, error, id, className, rows = 4, ...props }: Omit<ComponentProps<"textarea">, "id"> & FieldProps) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error} id={id} className={className}>
      {(control) => <textarea {...control} {...props} rows={rows} className={cx(controlClasses, "px-3 py-2")} />}
    </Field>
  );
}
