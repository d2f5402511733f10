import { useTranslations } from "next-intl";
import { Spinner } from "@/components/ui/spinner";

export default function Loading() {
  const t = useTranslations("pmShared");
  return (
    <div role="status" className="flex items-center gap-3 py-16 text-sm text-zinc-600">
      <Spinner className="size-5" />
      {t("loading")}
    </div>
  );
}
