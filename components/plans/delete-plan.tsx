"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { useAction } from "./use-action";
import type { ServerAction } from "@/components/ui/use-server-action";

/** Delete, after a confirmation that says what goes (occurrences) and what stays (work orders). */
export function DeletePlan({ slug, plan, action }: { slug: string; plan: { id: string; code: string }; action: ServerAction<{ id: string }> }) {
  const t = useTranslations("plans.detail");
  const router = useRouter();
  const { run, pending } = useAction();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("delete")}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("deleteTitle", { code: plan.code })}
        description={t("deleteDescription")}
        confirmLabel={t("deleteConfirm")}
        pending={pending}
        onConfirm={() =>
          run(() => action(slug, { id: plan.id }), {
            success: t("deleted", { code: plan.code }),
            refresh: false,
            onOk: () => {
              setOpen(false);
              router.push(`/${slug}/plans`);
            },
          })
        }
      />
    </>
  );
}
