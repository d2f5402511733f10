"use client";
// A button that opens a dialog around a form; the form closes it when it is done.
import { useState, type ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

export function EditDialog({
  label,
  title,
  variant = "secondary",
  size = "md",
  ariaLabel,
  children,
}: {
  label: string;
  title: string;
  variant?: ButtonVariant;
  size?: "sm" | "md";
  /** names the button when `label` alone is ambiguous (one per table row) */
  ariaLabel?: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant={variant} size={size} onClick={() => setOpen(true)} aria-label={ariaLabel}>
        {label}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        {open && children(() => setOpen(false))}
      </Dialog>
    </>
  );
}
