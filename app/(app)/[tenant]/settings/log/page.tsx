import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SectionHeader } from "@/components/settings/section-header";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { auditLogFacets, listAuditLog } from "@/lib/data/audit-log";
import { authorizationFilterOptions } from "@/lib/data/consumer-admin";
import { auditFilterSchema } from "@/lib/validation/settings-api";
import { readPage, requireSettingsPage } from "../guard";
import { ChangeSummary } from "./change-summary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("nav.log") };
}

export default async function TransactionsLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const filter = auditFilterSchema.parse(await searchParams);
  const [page, facets, options, t, format] = await Promise.all([
    readPage(filter.cursor, (cursor) => listAuditLog(access, { ...filter, cursor }, tenant.timezone)),
    auditLogFacets(access),
    authorizationFilterOptions(access),
    getTranslations("settings.log"),
    getFormatter(),
  ]);
  const base = `/${tenant.slug}/settings/log`;
  const { cursor: _cursor, ...filters } = filter;
  const query = (path: string, extra: Record<string, string | undefined> = {}) => {
    const q = new URLSearchParams(Object.entries({ ...filters, ...extra }).filter((e): e is [string, string] => Boolean(e[1])));
    return q.size ? `${path}?${q}` : path;
  };
  const entityLabel = (e: string) => (t.has(`entities.${e}` as never) ? t(`entities.${e}` as never) : e);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <SectionHeader
        title={t("title")}
        description={t("description", { timeZone: tenant.timezone })}
        action={
          <a href={query(`${base}/export`)} className={buttonClasses({ variant: "secondary" })} download>
            {t("export")}
          </a>
        }
      />
      {/* Keyed by the filters: after "Clear" or a new search, the fields show what is applied. */}
      <form key={query("")} method="get" action={base} className="mb-4 grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4">
        <Select label={t("module")} name="entity" defaultValue={filter.entity ?? ""} size="sm">
          <option value="">{t("all")}</option>
          {facets.entities.map((e) => (
            <option key={e} value={e}>
              {entityLabel(e)}
            </option>
          ))}
        </Select>
        <Select label={t("action")} name="action" defaultValue={filter.action ?? ""} size="sm">
          <option value="">{t("all")}</option>
          {facets.actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
        <Select label={t("user")} name="user" defaultValue={filter.user ?? ""} size="sm">
          <option value="">{t("all")}</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Select label={t("consumer")} name="consumer" defaultValue={filter.consumer ?? ""} size="sm">
          <option value="">{t("all")}</option>
          {options.consumers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Input label={t("from")} name="from" type="date" defaultValue={filter.from ?? ""} />
        <Input label={t("to")} name="to" type="date" defaultValue={filter.to ?? ""} />
        <div className="flex gap-2">
          <Button type="submit">{t("apply")}</Button>
          {filtered && (
            <Link href={base} className={buttonClasses({ variant: "ghost" })}>
              {t("clear")}
            </Link>
          )}
        </div>
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={filtered ? t("emptyFiltered") : t("emptyDescription")} />
      ) : (
        <Table caption={t("caption")} hideCaption>
          <THead>
            <tr>
              <TH>{t("time")}</TH>
              <TH>{t("actor")}</TH>
              <TH>{t("action")}</TH>
              <TH>{t("entity")}</TH>
              <TH>{t("changes")}</TH>
              <TH>{t("ip")}</TH>
            </tr>
          </THead>
          <TBody>
            {page.items.map((row) => (
              <TR key={row.id}>
                <TD className="whitespace-nowrap tabular-nums">
                  {format.dateTime(row.at, { dateStyle: "medium", timeStyle: "medium", timeZone: tenant.timezone })}
                </TD>
                <TD>
                  {row.user ? (
                    <>
                      <span className="block font-medium">{row.user.name}</span>
                      {row.consumer && <span className="block text-xs text-zinc-500">{t("via", { consumer: row.consumer.name })}</span>}
                    </>
                  ) : row.consumer ? (
                    <span className="font-medium">{row.consumer.name}</span>
                  ) : (
                    <span className="text-zinc-500">{t(`actorTypes.${row.actorType}`)}</span>
                  )}
                </TD>
                <TD className="font-mono text-xs whitespace-nowrap">{row.action}</TD>
                <TD className="text-zinc-700">{row.entity ? entityLabel(row.entity) : "—"}</TD>
                <TD className="max-w-md min-w-64">
                  <ChangeSummary before={row.before} after={row.after} labels={{ before: t("before"), after: t("after") }} />
                </TD>
                <TD className="font-mono text-xs whitespace-nowrap text-zinc-600">{row.ip ?? "—"}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <nav aria-label={t("pagination")} className="mt-4 flex gap-2">
        {filter.cursor && (
          <Link href={query(base)} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("firstPage")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={query(base, { cursor: page.nextCursor })} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("nextPage")}
          </Link>
        )}
      </nav>
    </>
  );
}
