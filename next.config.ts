import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets parallel test runs on one machine build into separate folders (scripts/test.mjs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite, pg and ioredis load at run time on the server; bundling them gains nothing.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "ioredis"],
  // The readiness check compares the database with the migrations this build ships.
  outputFileTracingIncludes: { "/api/ready": ["./prisma/migrations/**/*"] },
};

export default withNextIntl(nextConfig);
