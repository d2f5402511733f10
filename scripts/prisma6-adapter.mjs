// pglite-prisma-adapter is written for Prisma Client; the Prisma 6 migration engine also sends it whole
// multi-statement scripts. Patch the gaps for that path only: scripts without parameters go to PGlite's
// exec (a prepared statement takes one command), executeScript is awaited, and dispose closes PGlite so
// the CLI process can exit.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

function patch(adapter, db) {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0) {
      await db.exec(query.sql);
      return 0;
    }
    return executeRaw(query);
  };
  adapter.executeScript = async (script) => {
    await db.exec(script);
  };
  adapter.dispose = async () => {
    if (!db.closed) await db.close();
  };
  return adapter;
}

export function migrationAdapter() {
  const db = new PGlite();
  const factory = new PrismaPGlite(db);
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect(), db),
    connectToShadowDb: async () => {
      const shadow = new PGlite();
      return patch(await new PrismaPGlite(shadow).connect(), shadow);
    },
  };
}
