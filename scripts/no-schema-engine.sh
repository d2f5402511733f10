#!/bin/sh
# Stand-in for Prisma 7's native schema engine, which cannot be downloaded offline. `prisma generate`
# only checks that the file exists; migrations run through our own runner (lib/db/migrate.ts).
echo "Prisma's native schema engine is not available offline; use npm run db:migrate" >&2
exit 1
