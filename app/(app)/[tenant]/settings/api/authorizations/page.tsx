import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { RevokeButton } from "@/components/settings/revoke-button";
import { ScopeList } from "@/components/settings/scope-list";
import { SectionHeader } from "@/components/settings/section-header";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/select";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { authorizationFilterOptions, listAuthorizationPage } from "@/lib/data/consumer-admin";
import { can } from "@/lib/tenancy";
import { authorizationFilterSchema } from "@/lib/validation/settings-api";
import { revokeAppAuthorization } from "../actions";
import { readPage, requireSettingsPage } from "../../guard";
import { ApiTabs } from "../tabs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.api");
  return { title: t("authorizationsTab") };
}

export default async function AuthorizationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const filter = authorizationFilterSchema.parse(await searchParams);
  const [page, options, t, tApi, format] = await Promise.all([
    readPage(filter.cursor, (cursor) => listAuthorizationPage(access, { ...filter, cursor })),
    authorizationFilterOptions(access),
    getTranslations("settings.authorizations"),
    getTranslations("settings.api"),
    getFormatter(),
  ]);
  const base = `/${tenant.slug}/settings/api/authorizations`;
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: tenant.timezone }) : t("never"));
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries({ consumer: filter.consumer, user: filter.user, ...extra }).filter((e): e is [string, string] => Boolean(e[1])));
    return q.size ? `${base}?${q}` : base;
  };
  const canRevoke = can(access, "settings", "edit");

  return (
    <>
      <SectionHeader title={tApi("title")} description={tApi("description")} />
      <ApiTabs slug={tenant.slug} />
      <p className="mb-4 max-w-2xl text-sm text-zinc-600">{t("description")}</p>
      <form key={query({})} method="get" action={base} className="mb-4 grid items-end gap-3 sm:grid-cols-[1fr_1fr_auto_auto]">
        <Select label={t("consumer")} name="consumer" defaultValue={filter.consumer ?? ""} size="sm">
          <option value="">{t("allConsumers")}</option>
          {options.consumers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </Select>
        <Select label={t("user")} name="user" defaultValue={filter.user ?? ""} size="sm">
          <option value="">{t("allUsers")}</option>
          {options.users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </Select>
        <Button type="submit" size="sm">
          {t("filter")}
        </Button>
        {(filter.consumer || filter.user) && (
          <Link href={base} className={buttonClasses({ variant: "ghost", size: "sm" })}>
            {t("clear")}
          </Link>
        )}
      </form>
      {page.items.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Table caption={t("caption")} hideCaption>
          <THead>
            <tr>
              <TH>{t("user")}</TH>
              <TH>{t("consumer")}</TH>
              <TH>{t("scopes")}</TH>
              <TH>{t("granted")}</TH>
              <TH>{t("lastUsed")}</TH>
              {canRevoke && <TH className="text-right">{t("actions")}</TH>}
            </tr>
          </THead>
          <TBody>
            {page.items.map((a) => (
              <TR key={a.id}>
                <TD>
                  <span className="block font-medium">{a.user.name}</span>
                  <span className="block text-xs text-zinc-500">{a.user.email}</span>
                </TD>
                <TD className="font-medium">{a.consumer.name}</TD>
                <TD className="min-w-56">
                  <ScopeList scopes={a.scopes} />
                </TD>
                <TD className="whitespace-nowrap">{when(a.createdAt)}</TD>
                <TD className="whitespace-nowrap">{when(a.lastUsedAt)}</TD>
                {canRevoke && (
                  <TD className="text-right">
                    <RevokeButton slug={tenant.slug} id={a.id} consumer={a.consumer.name} user={a.user.name} action={revokeAppAuthorization} />
                  </TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <nav aria-label={t("pagination")} className="mt-4 flex gap-2">
        {filter.cursor && (
          <Link href={query({})} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("firstPage")}
          </Link>
        )}
        {page.nextCursor && (
          <Link href={query({ cursor: page.nextCursor })} className={buttonClasses({ variant: "secondary", size: "sm" })}>
            {t("nextPage")}
          </Link>
        )}
      </nav>
    </>
  );
}
