"use client";
// The list's search, filters and sort. A plain GET form (it works without JavaScript); with JavaScript it
// navigates client-side, drops empty fields from the URL and applies a changed select or box at once.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { SORTS, WORK_ORDER_STATUSES, WORK_ORDER_TYPES, PRIORITIES } from "@/lib/validation/work-order";
import { activeFilters, toQuery, type ListParams } from "./list-params";

type Option = { id: string; label: string };

export function FilterForm({
  action,
  params,
  people,
  locations,
  assets,
}: {
  action: string;
  params: ListParams;
  people: Option[];
  locations: Option[];
  assets: Option[];
}) {
  const t = useTranslations("woList");
  const tc = useTranslations("woCommon");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const count = activeFilters(params);
  // Controlled by the URL: back/forward and "Clear filters" update the fields without remounting the form
  // (a remount would drop the keyboard focus after every change).
  const [values, setValues] = useState(params);
  const [shown, setShown] = useState(toQuery(params));
  if (shown !== toQuery(params)) {
    setShown(toQuery(params));
    setValues(params);
  }
  const set = <K extends keyof ListParams>(key: K, value: ListParams[K]) => setValues((v) => ({ ...v, [key]: value }));

  function submit(form: HTMLFormElement) {
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form).entries()) {
      if (typeof value === "string" && value.trim() && !(key === "sort" && value === "newest")) query.append(key, value.trim());
    }
    const qs = query.toString();
    startTransition(() => router.push(qs ? `${action}?${qs}` : action));
  }

  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    // Typing in the search box or a date (each keystroke can make a valid date) waits for Enter or Apply.
    if (target instanceof HTMLInputElement && (target.type === "search" || target.type === "date")) return;
    submit(event.currentTarget);
  }

  return (
    <form
      action={action}
      method="get"
      role="search"
      aria-busy={pending || undefined}
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
      onChange={onChange}
      className="mb-4 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Input
          label={t("search")}
          name="q"
          type="search"
          value={values.q ?? ""}
          onChange={(e) => set("q", e.target.value)}
          placeholder={t("searchPlaceholder")}
          maxLength={200}
          className="sm:flex-1"
        />
        <Select label={t("sort")} name="sort" value={values.sort} onChange={(e) => set("sort", e.target.value as ListParams["sort"])} className="sm:w-48">
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`sorts.${s}`)}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" pending={pending}>
          {t("apply")}
        </Button>
      </div>

      <details open={count > 0} className="group mt-3">
        <summary className="cursor-pointer rounded-md text-sm font-medium text-brand-800 select-none">
          {t("filters")} <span className="text-zinc-500">({t("activeFilters", { count })})</span>
        </summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <fieldset className="sm:col-span-2 lg:col-span-4">
            <legend className="mb-1.5 text-sm font-medium text-zinc-800">{t("statusLegend")}</legend>
            <div className="flex flex-wrap gap-2">
              {WORK_ORDER_STATUSES.map((s) => (
                <label
                  key={s}
                  className="flex cursor-pointer items-center gap-2 rounded-full border border-zinc-300 px-3 py-1 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:text-brand-800"
                >
                  <input
                    type="checkbox"
                    name="status"
                    value={s}
                    checked={values.status.includes(s)}
                    onChange={(e) => set("status", e.target.checked ? [...values.status, s] : values.status.filter((x) => x !== s))}
                    className="accent-brand-600"
                  />
                  {tc(`status.${s}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <Select label={t("type")} name="type" value={values.type ?? ""} onChange={(e) => set("type", (e.target.value || undefined) as ListParams["type"])}>
            <option value="">{t("any")}</option>
            {WORK_ORDER_TYPES.map((type) => (
              <option key={type} value={type}>
                {tc(`type.${type}`)}
              </option>
            ))}
          </Select>
          <Select
            label={t("priority")}
            name="priority"
            value={values.priority ? String(values.priority) : ""}
            onChange={(e) => set("priority", e.target.value ? Number(e.target.value) : undefined)}
          >
            <option value="">{t("any")}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p} · {tc(`priority.${String(p) as "1"}`)}
              </option>
            ))}
          </Select>
          <Select label={t("assignee")} name="assignee" value={values.assignee ?? ""} onChange={(e) => set("assignee", e.target.value || undefined)}>
            <option value="">{t("anyone")}</option>
            <option value="me">{t("me")}</option>
            <option value="unassigned">{t("unassigned")}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
          <Select label={t("location")} name="location" value={values.location ?? ""} onChange={(e) => set("location", e.target.value || undefined)}>
            <option value="">{t("any")}</option>
            {locations.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </Select>
          <Select
            label={t("asset")}
            name="asset"
            value={values.asset ?? ""}
            onChange={(e) => set("asset", e.target.value || undefined)}
            className="sm:col-span-2"
          >
            <option value="">{t("any")}</option>
            {assets.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
          <Input label={t("dueAfter")} name="due_from" type="date" value={values.dueFrom ?? ""} onChange={(e) => set("dueFrom", e.target.value || undefined)} />
          <Input label={t("dueBefore")} name="due_to" type="date" value={values.dueTo ?? ""} onChange={(e) => set("dueTo", e.target.value || undefined)} />
          <label className="flex items-center gap-2 self-end pb-2 text-sm font-medium text-zinc-800">
            <input
              type="checkbox"
              name="overdue"
              value="1"
              checked={values.overdue}
              onChange={(e) => set("overdue", e.target.checked)}
              className="size-4 accent-brand-600"
            />
            {t("overdueOnly")}
          </label>
        </div>
        {count > 0 && (
          <Link href={action} className="mt-3 inline-block text-sm font-medium text-brand-800 underline underline-offset-2">
            {t("clear")}
          </Link>
        )}
      </details>
      <p role="status" className="sr-only">
        {pending ? t("loading") : ""}
      </p>
      {pending && (
        <p className="mt-3 flex items-center gap-2 text-sm text-zinc-600" aria-hidden="true">
          <Spinner /> {t("loading")}
        </p>
      )}
    </form>
  );
}
