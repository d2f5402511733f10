import { getTranslations } from "next-intl/server";
import { Spinner } from "@/components/ui/spinner";

export default async function Loading() {
  const t = await getTranslations("woList");
  return (
    <p role="status" className="flex items-center gap-2 py-12 text-sm text-zinc-600">
      <Spinner /> {t("loading")}
    </p>
  );
}
