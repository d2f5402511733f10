// Database commands: `migrate` applies prisma/migrations to DATABASE_URL (or the embedded PGlite);
// `setup` also seeds the demo data when the database has no tenant yet (first `npm run dev`).
import { migrate } from "../lib/db/migrate";
import { openSql } from "../lib/db/sql";
import { seed } from "../prisma/seed/index";

const command = process.argv[2];
const sql = await openSql();
try {
  const applied = await migrate(sql, (line) => console.log(`  ${line}`));
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : "Database schema is up to date.");
  if (command === "setup") {
    const [{ n }] = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Tenant"`);
    if (n === 0) {
      console.log("Empty database: seeding the demo tenants…");
      const summary = await seed(sql, { log: (line) => console.log(`  ${line}`) });
      console.log(`Seeded ${summary.tenants} tenants, ${summary.users} users, ${summary.workOrders} work orders.`);
    }
  } else if (command !== "migrate") {
    console.error("usage: tsx scripts/db.ts migrate|setup");
    process.exitCode = 64;
  }
} finally {
  await sql.close();
}
