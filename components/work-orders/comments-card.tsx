"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { controlClasses } from "@/components/ui/field";
import { cx } from "@/components/ui/cx";
import { addCommentAction } from "./actions";
import { useWorkOrderAction } from "./use-work-order-action";

export type CommentRow = { id: string; author: string | null; at: string; body: string };

export function CommentsCard({ slug, workOrderId, comments, canComment }: { slug: string; workOrderId: string; comments: CommentRow[]; canComment: boolean }) {
  const t = useTranslations("woDetail");
  const { run, pending } = useWorkOrderAction();
  const [body, setBody] = useState("");

  return (
    <Card>
      <CardHeader title={t("comments")} />
      <CardBody className="pt-3">
        {comments.length ? (
          <ol className="flex flex-col gap-4">
            {comments.map((c) => (
              <li key={c.id} className="text-sm">
                <p className="flex flex-wrap gap-x-2 text-xs text-zinc-500">
                  <span className="font-medium text-zinc-800">{c.author ?? t("deletedUser")}</span>
                  <span>{c.at}</span>
                </p>
                <p className="mt-1 whitespace-pre-line text-zinc-900">{c.body}</p>
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-zinc-500">{t("noComments")}</p>
        )}
        {canComment && (
          <form
            className="mt-4 flex flex-col gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              run(() => addCommentAction(slug, { workOrder: workOrderId, body }), { success: t("commentAdded"), onOk: () => setBody("") });
            }}
          >
            <label htmlFor="wo-comment" className="text-sm font-medium text-zinc-800">
              {t("newComment")}
            </label>
            <textarea
              id="wo-comment"
              value={body}
              onChange={(e) => setBody(e.target.value)}
              required
              maxLength={5000}
              rows={3}
              className={cx(controlClasses, "px-3 py-2")}
            />
            <Button type="submit" variant="secondary" pending={pending} className="self-start">
              {t("postComment")}
            </Button>
          </form>
        )}
      </CardBody>
    </Card>
  );
}
