// The seed deletes and rewrites the demo tenants, so by default it only touches a database on this
// machine (STYLE.md habit 9). No URL means embedded PGlite, which is always local.

function isLocalHost(host: string): boolean {
  let h = host.trim().toLowerCase();
  const bracketed = /^\[([^\]]*)\](:\d+)?$/.exec(h);
  if (bracketed) h = bracketed[1];
  else if ((h.match(/:/g) ?? []).length === 1) h = h.replace(/:\d+$/, ""); // host:port, not an IPv6 address
  if (h === "" || h.startsWith("/")) return true; // Unix-domain socket
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** Throws unless `url` is absent or names localhost / 127.0.0.1 / ::1 / a Unix socket, or `force` is set. */
export function assertLocalDatabase(url: string | undefined, force: boolean): void {
  if (force || !url || !url.trim()) return;
  let hosts: string[];
  try {
    const parsed = new URL(url.trim());
    // libpq lets ?host= override (socket directories, several hosts separated by commas).
    const hostParam = parsed.searchParams.get("host");
    hosts = (hostParam ?? decodeURIComponent(parsed.hostname)).split(",");
  } catch {
    throw new Error(
      "Refusing to seed: the database URL could not be parsed, so it cannot be shown to be local. " +
        "Use a postgresql:// URL, or pass --force (FETTLE_SEED_FORCE=1) to seed it anyway.",
    );
  }
  const remote = hosts.filter((h) => !isLocalHost(h));
  if (remote.length) {
    throw new Error(
      `Refusing to seed a non-local database (host ${remote.map((h) => `"${h}"`).join(", ")}). ` +
        "The seed deletes and recreates the demo tenants and users. Pass --force (or set FETTLE_SEED_FORCE=1) " +
        "if you really mean to seed this database.",
    );
  }
}
