import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

/** Scopes in plain words (the consent screen's wording), "workorders:read" → "Read work orders". */
export async function ScopeList({ scopes }: { scopes: string[] }) {
  const t = await getTranslations("oauth.scopes");
  const label = (scope: string) => {
    const [module, level] = scope.split(":");
    const key = `${module}.${level}`;
    return t.has(key as never) ? t(key as never) : scope;
  };
  if (!scopes.length) return <span className="text-zinc-500">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {[...scopes].sort().map((s) => (
        <Badge key={s} title={s}>
          {label(s)}
        </Badge>
      ))}
    </span>
  );
}
