import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { listUserTenants } from "@/lib/tenancy";

/** Home: straight into the user's first tenant. */
export default async function Home() {
  const user = await requireUser();
  const tenants = await listUserTenants(user.id);
  if (tenants.length === 0) redirect("/no-tenant");
  redirect(`/${tenants[0].slug}`);
}
