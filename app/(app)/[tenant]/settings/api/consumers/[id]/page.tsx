import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ConsumerActions } from "@/components/settings/consumer-actions";
import { ConsumerForm } from "@/components/settings/consumer-form";
import { CopyField } from "@/components/settings/copy-field";
import { SectionHeader } from "@/components/settings/section-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConsumer } from "@/lib/data/consumers";
import { permissionGroupOptions } from "@/lib/data/permission-groups";
import { can } from "@/lib/tenancy";
import { DYNAMIC } from "@/lib/validation/settings-api";
import { removeConsumer, rotateSecret, saveConsumer, setConsumerEnabled } from "../../actions";
import { orNotFound, requireSettingsPage } from "../../../guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.consumers");
  return { title: t("title") };
}

export default async function ConsumerPage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant: slug, id } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  const [consumer, groups, t, format] = await Promise.all([
    orNotFound(getConsumer(access, id)),
    permissionGroupOptions(access),
    getTranslations("settings.consumers"),
    getFormatter(),
  ]);
  const listHref = `/${tenant.slug}/settings/api`;
  const canEdit = can(access, "settings", "edit");

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={listHref} className="text-brand-800 underline-offset-2 hover:underline">
          ← {t("backToList")}
        </Link>
      </p>
      <SectionHeader
        title={consumer.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {consumer.disabled ? <Badge tone="warning">{t("statusDisabled")}</Badge> : <Badge tone="success">{t("statusEnabled")}</Badge>}
            <span>
              {t("createdOn", { date: format.dateTime(consumer.createdAt, { dateStyle: "medium", timeZone: tenant.timezone }) })}
            </span>
          </span>
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader title={t("credentialsTitle")} description={consumer.confidential ? t("secretHidden") : t("publicNoSecret")} />
          <CardBody className="flex flex-col gap-5">
            <CopyField label={t("key")} value={consumer.clientId} />
            <ConsumerActions
              slug={tenant.slug}
              consumer={{ id: consumer.id, name: consumer.name, disabled: consumer.disabled, confidential: consumer.confidential }}
              listHref={listHref}
              rights={{ edit: canEdit, remove: can(access, "settings", "delete") }}
              actions={{ rotate: rotateSecret, setEnabled: setConsumerEnabled, remove: removeConsumer }}
            />
          </CardBody>
        </Card>
        {canEdit && (
          <ConsumerForm
            slug={tenant.slug}
            id={consumer.id}
            groups={groups}
            listHref={listHref}
            updateAction={saveConsumer}
            initial={{
              name: consumer.name,
              description: consumer.description ?? "",
              authorizationCode: consumer.grantTypes.includes("authorization_code"),
              clientCredentials: consumer.grantTypes.includes("client_credentials"),
              confidential: consumer.confidential,
              redirectUris: consumer.redirectUris,
              privacyPolicyUrl: consumer.privacyPolicyUrl ?? "",
              termsUrl: consumer.termsUrl ?? "",
              permissionGroupId: consumer.dynamicPermissions ? DYNAMIC : (consumer.permissionGroupId ?? ""),
            }}
          />
        )}
      </div>
    </>
  );
}
