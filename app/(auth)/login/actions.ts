"use server";
import { signInWithPassword, type SignInResult } from "@/lib/auth/session";

export type LoginState = SignInResult;

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  return signInWithPassword(formData.get("email"), formData.get("password"), formData.get("callbackUrl"));
}
