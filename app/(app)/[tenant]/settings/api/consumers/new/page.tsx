import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ConsumerForm } from "@/components/settings/consumer-form";
import { SectionHeader } from "@/components/settings/section-header";
import { permissionGroupOptions } from "@/lib/data/permission-groups";
import { can } from "@/lib/tenancy";
import { addConsumer } from "../../actions";
import { requireSettingsPage } from "../../../guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.consumers");
  return { title: t("new") };
}

export default async function NewConsumerPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const { tenant, access } = await requireSettingsPage(slug);
  if (!can(access, "settings", "create")) notFound();
  const [groups, t] = await Promise.all([permissionGroupOptions(access), getTranslations("settings.consumers")]);
  return (
    <>
      <SectionHeader title={t("new")} description={t("newDescription")} />
      <ConsumerForm
        slug={tenant.slug}
        groups={groups}
        listHref={`/${tenant.slug}/settings/api`}
        createAction={addConsumer}
        initial={{
          name: "",
          description: "",
          authorizationCode: true,
          clientCredentials: false,
          confidential: true,
          redirectUris: [],
          privacyPolicyUrl: "",
          termsUrl: "",
          permissionGroupId: "",
        }}
      />
    </>
  );
}
