"use client";
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/select";

/** Lists the user's tenants; picking one opens its dashboard. */
export function TenantSwitcher({ current, tenants }: { current: string; tenants: { slug: string; name: string }[] }) {
  const t = useTranslations("shell");
  const router = useRouter();
  const [selected, setSelected] = useState(current);
  const [pending, startTransition] = useTransition();

  return (
    <Select
      label={t("account")}
      hideLabel
      size="sm"
      className="md:w-52"
      value={selected}
      aria-busy={pending || undefined}
      onChange={(event) => {
        const slug = event.target.value;
        setSelected(slug);
        startTransition(() => router.push(`/${slug}`));
      }}
    >
      {tenants.map((tenant) => (
        <option key={tenant.slug} value={tenant.slug}>
          {tenant.name}
        </option>
      ))}
    </Select>
  );
}
