import type { ComponentProps } from "react";
import { cx } from "./cx";
import { controlClasses, Field, type FieldProps } from "./field";

type InputProps = Omit<ComponentProps<"input">, "id"> & FieldProps;

export function Input({ label, hideLabel, hint, error, id, className, ...props }: InputProps) {
  return (
    <Field label={label} hideLabel={hideLabel} hint={hint} error={error} id={id} className={className}>
      {(control) => <input {...control} {...props} className={cx(controlClasses, "h-10 px-3")} />}
    </Field>
  );
}
