import "server-only";
// The only module that imports next-auth: swapping the auth library is a change to this file alone.
import NextAuth, { AuthError, CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Google from "next-auth/providers/google";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { cache } from "react";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { z } from "zod";
import { findActiveUser, findUserByEmail } from "@/lib/data/users";
import { hit } from "@/lib/ratelimit";
import { errorFields, log } from "@/lib/log";
import { clientIp } from "./client-ip";
import { DUMMY_HASH, verifyPassword } from "./password";

export { clientIp };

export type SessionUser = { id: string; email: string; name: string; locale: string | null };

class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/** Sign-in attempts allowed per window, per account and per client address. */
const LIMITS = { perAccount: 10, perIp: 30, windowSeconds: 60 };

async function authorizeCredentials(raw: unknown, request: Request) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const ip = clientIp(request.headers);
  // Without a known address only the per-account limit applies: one shared bucket would let a single
  // attacker lock everybody out.
  const [byAccount, byIp] = await Promise.all([
    hit(`signin:account:${email}`, LIMITS.perAccount, LIMITS.windowSeconds),
    ip ? hit(`signin:ip:${ip}`, LIMITS.perIp, LIMITS.windowSeconds) : { ok: true },
  ]);
  if (!byAccount.ok || !byIp.ok) throw new RateLimited();
  const user = await findUserByEmail(email);
  // Always pay for one hash comparison so timing does not reveal whether the account exists.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.active || !user.passwordHash || !valid) return null;
  return { id: user.id, email: user.email, name: user.name };
}

const ssoProviders = [
  ...(process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET ? [Google] : []),
  ...(process.env.AUTH_MICROSOFT_ENTRA_ID_ID && process.env.AUTH_MICROSOFT_ENTRA_ID_SECRET ? [MicrosoftEntraID] : []),
];

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  // A wrong password is an expected outcome, not a server error; everything else is logged as JSON.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      log.error("auth error", errorFields(error));
    },
    warn(code) {
      log.warn("auth warning", { code });
    },
    debug() {},
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: authorizeCredentials,
    }),
    ...ssoProviders,
  ],
  callbacks: {
    // SSO signs in existing, active accounts only; Fettle accounts are created by tenant admins.
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      const existing = user.email ? await findUserByEmail(user.email) : null;
      return Boolean(existing?.active);
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const existing = account.provider === "credentials" ? user : await findUserByEmail(user.email ?? "");
        token.sub = existing?.id ?? undefined;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});

/** The signed-in user, re-read from the database so a deactivated account loses access at once. */
export const getSession = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return findActiveUser(userId);
});

export async function requireUser(): Promise<SessionUser> {
  const user = await getSession();
  if (!user) {
    const path = (await headers()).get("x-fettle-path") ?? "/";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}

/** Only same-site paths: an attacker's link must not turn sign-in into an open redirect. */
export function safeCallback(raw: unknown): string {
  const value = typeof raw === "string" ? raw : "";
  return value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : "/";
}

export type SignInResult = { error?: "invalid" | "rate_limited" | "unavailable" };

export async function signInWithPassword(email: unknown, password: unknown, callbackUrl: unknown): Promise<SignInResult> {
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallback(callbackUrl) });
    return {};
  } catch (e) {
    // A successful sign-in "throws" Next's redirect; let it through.
    if (e instanceof CredentialsSignin) return { error: e.code === "rate_limited" ? "rate_limited" : "invalid" };
    if (e instanceof AuthError) return { error: "unavailable" };
    throw e;
  }
}

export async function signOutAction(): Promise<void> {
  "use server";
  await signOut({ redirectTo: "/login" });
}
