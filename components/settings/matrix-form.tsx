"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { Module } from "@/lib/tenancy/permissions";
import { PermissionMatrix, type Matrix } from "./permission-matrix";
import { useSettingsAction } from "./use-settings-action";
import type { ServerAction } from "@/components/ui/use-server-action";

type Value = { name: string; permissions: Matrix };

/**
 * Name + permission matrix: the editor of a custom role and of a permission group. `kind` picks the
 * wording; `id` absent means "create". Built-in roles come with readOnly.
 */
export function MatrixForm({
  slug,
  kind,
  id,
  modules,
  initial,
  readOnly,
  listHref,
  saveAction,
  deleteAction,
}: {
  slug: string;
  kind: "role" | "group";
  id?: string;
  modules: readonly Module[];
  initial: Value;
  readOnly: boolean;
  listHref: string;
  saveAction?: ServerAction<Value & { id?: string }, unknown>;
  deleteAction?: ServerAction<{ id: string }>;
}) {
  const t = useTranslations(kind === "role" ? "settings.roles" : "settings.groups");
  const router = useRouter();
  const save = useSettingsAction();
  const remove = useSettingsAction();
  const [name, setName] = useState(initial.name);
  const [permissions, setPermissions] = useState<Matrix>(initial.permissions);
  const [confirming, setConfirming] = useState(false);

  return (
    <Card>
      <CardBody>
        <form
          noValidate
          className="flex flex-col gap-5"
          onSubmit={(event) => {
            event.preventDefault();
            if (!saveAction) return;
            save.run(() => saveAction(slug, { ...(id ? { id } : {}), name, permissions }), {
              success: t(id ? "saved" : "created"),
              refresh: false,
              onOk: () => {
                router.push(listHref);
                router.refresh();
              },
            });
          }}
        >
          <Input
            label={t("name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            readOnly={readOnly}
            maxLength={60}
            className="sm:max-w-sm"
            error={save.fieldError("name")}
          />
          <PermissionMatrix modules={modules} value={permissions} onChange={setPermissions} readOnly={readOnly} caption={t("matrixCaption")} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center">
            <Link href={listHref} className={buttonClasses({ variant: "secondary" })}>
              {readOnly ? t("back") : t("cancel")}
            </Link>
            {!readOnly && saveAction && (
              <Button type="submit" pending={save.pending}>
                {t(id ? "save" : "create")}
              </Button>
            )}
            {!readOnly && id && deleteAction && (
              <Button variant="danger" className="sm:ml-auto" onClick={() => setConfirming(true)}>
                {t("delete")}
              </Button>
            )}
          </div>
        </form>
      </CardBody>
      {id && deleteAction && (
        <ConfirmDialog
          open={confirming}
          onClose={() => setConfirming(false)}
          onConfirm={() =>
            remove.run(() => deleteAction(slug, { id }), {
              success: t("deleted"),
              refresh: false,
              onOk: () => {
                setConfirming(false);
                router.push(listHref);
                router.refresh();
              },
            })
          }
          pending={remove.pending}
          title={t("deleteTitle", { name: initial.name })}
          description={t("deleteDescription")}
          confirmLabel={t("delete")}
        />
      )}
    </Card>
  );
}
