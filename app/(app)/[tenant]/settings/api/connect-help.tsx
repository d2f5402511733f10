import { getTranslations } from "next-intl/server";
import { CopyField } from "@/components/settings/copy-field";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { endpointUrl, issuer, resourceIdentifier } from "@/lib/oauth/config";

/** Where Claude and ChatGPT send the browser back after consent, for a consumer created by hand. */
const CLAUDE_CALLBACK = "https://claude.ai/api/mcp/auth_callback";
const CHATGPT_CALLBACK = "https://chatgpt.com/connector_platform_oauth_redirect";

/** The addresses an AI client needs, ready to copy, and the few steps to connect ChatGPT or Claude. */
export async function ConnectHelp() {
  const t = await getTranslations("settings.api");
  const endpoints = [
    { label: t("issuer"), value: issuer() },
    { label: t("metadataUrl"), value: `${issuer()}/.well-known/oauth-authorization-server` },
    { label: t("authorizationEndpoint"), value: endpointUrl("authorization") },
    { label: t("tokenEndpoint"), value: endpointUrl("token") },
    { label: t("revocationEndpoint"), value: endpointUrl("revocation") },
    { label: t("registrationEndpoint"), value: endpointUrl("registration") },
  ];
  return (
    <Card>
      <CardHeader title={t("connectTitle")} description={t("connectDescription")} />
      <CardBody className="flex flex-col gap-6">
        <CopyField label={t("mcpUrl")} value={resourceIdentifier()} hint={t("mcpUrlHint")} />
        <div className="grid gap-6 md:grid-cols-2">
          <section>
            <h3 className="text-sm font-semibold text-zinc-900">{t("claudeTitle")}</h3>
            <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-sm wrap-anywhere text-zinc-700">
              <li>{t("claudeStep1")}</li>
              <li>{t("claudeStep2", { callback: CLAUDE_CALLBACK })}</li>
              <li>{t("claudeStep3")}</li>
            </ol>
          </section>
          <section>
            <h3 className="text-sm font-semibold text-zinc-900">{t("chatgptTitle")}</h3>
            <ol className="mt-2 list-decimal space-y-1.5 pl-5 text-sm wrap-anywhere text-zinc-700">
              <li>{t("chatgptStep1")}</li>
              <li>{t("chatgptStep2", { callback: CHATGPT_CALLBACK })}</li>
              <li>{t("chatgptStep3")}</li>
            </ol>
          </section>
        </div>
        <p className="text-sm text-zinc-600">{t("selfRegisteredNote")}</p>
        <details className="group rounded-md border border-zinc-200">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-zinc-800">{t("endpointsTitle")}</summary>
          <div className="grid gap-4 border-t border-zinc-200 p-3 md:grid-cols-2">
            {endpoints.map((e) => (
              <CopyField key={e.label} label={e.label} value={e.value} />
            ))}
          </div>
        </details>
      </CardBody>
    </Card>
  );
}
