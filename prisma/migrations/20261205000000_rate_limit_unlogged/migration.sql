-- Rate-limit counters need no crash safety (a crash only restarts the current windows), and without WAL a
-- tenant's hot counter row no longer serialises its MCP calls on the commit flush (lib/ratelimit/postgres.ts:
-- ~15x the throughput on one row, measured with pgbench). Prisma's schema cannot say UNLOGGED; it lives here.
ALTER TABLE "RateLimit" SET UNLOGGED;
