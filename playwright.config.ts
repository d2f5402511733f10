import { defineConfig } from "@playwright/test";

// Runs against `next start` (a production build) with Debian's Chromium; scripts/test.mjs prepares the
// database and the build, then passes their location through the environment.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const results = process.env.TEST_RESULTS_DIR ?? ".data/test-results";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [["list"], ["json", { outputFile: `${results}/playwright.json` }]],
  outputDir: `${results}/playwright`,
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: `node scripts/e2e-server.mjs --port ${port} --hostname 127.0.0.1`,
    url: `${baseURL}/api/health`,
    timeout: 60_000,
    reuseExistingServer: false,
    // Everything the server prints is kept in $TEST_RESULTS_DIR/server.log (scripts/e2e-server.mjs).
    stdout: "ignore",
    stderr: "pipe",
    // TRUST_PROXY: the tests play the part of a proxy, giving each browser context its own address
    // (x-forwarded-for) so per-address rate limits of one test never touch another.
    env: { ...(process.env as Record<string, string>), APP_URL: baseURL, PORT: String(port), TRUST_PROXY: "true" },
  },
});
