import "server-only";
import type { Messages } from "next-intl";
import { getTranslations } from "next-intl/server";
import { BUILT_IN_ROLES } from "@/lib/tenancy/permissions";

const isBuiltIn = (key: string | null): key is keyof Messages["roles"] => key !== null && Object.hasOwn(BUILT_IN_ROLES, key);

/** Built-in roles are named in the reader's language; custom roles keep the name their admin gave them. */
export async function roleLabel() {
  const t = await getTranslations("roles");
  return (role: { name: string; builtIn: string | null }) => (isBuiltIn(role.builtIn) ? t(role.builtIn) : role.name);
}
