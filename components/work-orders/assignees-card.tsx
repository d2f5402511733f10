"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { assignAction } from "./actions";
import { useWorkOrderAction } from "./use-work-order-action";

type Person = { id: string; name: string };

/** Who works on the work order; editors change the list in a dialog of the people who may be assigned. */
export function AssigneesCard({
  slug,
  workOrder,
  assignees,
  people,
}: {
  slug: string;
  workOrder: { id: string; code: string };
  assignees: Person[];
  /** null when the viewer may not change assignees */
  people: (Person & { role: string })[] | null;
}) {
  const t = useTranslations("woDetail");
  const { run, pending } = useWorkOrderAction();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);

  function edit() {
    setChosen(assignees.map((a) => a.id));
    setOpen(true);
  }

  return (
    <Card>
      <CardHeader
        title={t("assignees")}
        action={
          people && (
            <Button variant="ghost" size="sm" onClick={edit} aria-label={`${t("editAssignees")} — ${t("assignees")}`}>
              {t("editAssignees")}
            </Button>
          )
        }
      />
      <CardBody className="pt-3">
        {assignees.length ? (
          <ul className="flex flex-col gap-1 text-sm text-zinc-800">
            {assignees.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-500">{t("noAssignees")}</p>
        )}
      </CardBody>
      {people && (
        <Dialog
          open={open}
          onClose={() => setOpen(false)}
          dismissible={!pending}
          title={t("assigneesTitle", { code: workOrder.code })}
          footer={
            <Button
              pending={pending}
              onClick={() =>
                run(() => assignAction(slug, { workOrder: workOrder.id, assignees: chosen }), { success: t("assigned"), onOk: () => setOpen(false) })
              }
            >
              {t("assigneesSave")}
            </Button>
          }
        >
          <fieldset className="flex max-h-72 flex-col gap-1 overflow-y-auto">
            <legend className="sr-only">{t("assignees")}</legend>
            {people.map((p) => (
              <label key={p.id} className="flex cursor-pointer items-center gap-3 rounded-md px-2 py-2 text-sm hover:bg-zinc-50">
                <input
                  type="checkbox"
                  className="size-4 accent-brand-600"
                  checked={chosen.includes(p.id)}
                  onChange={(e) => setChosen((c) => (e.target.checked ? [...c, p.id] : c.filter((id) => id !== p.id)))}
                />
                <span className="flex-1 text-zinc-900">{p.name}</span>
                <span className="text-xs text-zinc-500">{p.role}</span>
              </label>
            ))}
          </fieldset>
        </Dialog>
      )}
    </Card>
  );
}
