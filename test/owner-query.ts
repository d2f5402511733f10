// Test bookkeeping as the database owner, through the app's own client (PGlite has one session; a second
// PGlite on the same folder would not see the app's writes), out of the app role for one transaction only.
import { db } from "@/lib/db/client";

export async function ownerQuery<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = await db();
  return client.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL ROLE postgres");
    return tx.$queryRawUnsafe<T[]>(text, ...params);
  });
}
