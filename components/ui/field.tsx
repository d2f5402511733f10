import { useId, type ReactNode } from "react";
import { cx } from "./cx";

/** The attributes a form control needs to be tied to its label, hint and error. */
export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};

export type FieldProps = {
  label: string;
  /** Keeps the label for assistive technology only, where the context already shows what the control is. */
  hideLabel?: boolean;
  hint?: string;
  error?: string;
  id?: string;
  className?: string;
};

/** Label, control, hint and error laid out and wired together; shared by Input and Select. */
export function Field({
  label,
  hideLabel,
  hint,
  error,
  id,
  className,
  children,
}: FieldProps & { children: (control: FieldControlProps) => ReactNode }) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cx("flex flex-col gap-1.5", className)}>
      <label htmlFor={controlId} className={hideLabel ? "sr-only" : "text-sm font-medium text-zinc-800"}>
        {label}
      </label>
      {children({ id: controlId, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && (
        <p id={hintId} className="text-sm text-zinc-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export const controlClasses = cx(
  "w-full rounded-md border border-zinc-300 bg-white text-sm text-zinc-900 shadow-sm",
  "placeholder:text-zinc-400 disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500",
  "aria-invalid:border-red-600",
);
