// Reading the asset and request pages' URL search parameters (filters and cursors live in the URL).
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A single trimmed value, or undefined for absent/empty/repeated-but-empty. */
export function param(sp: Record<string, string | string[] | undefined>, key: string): string | undefined {
  const raw = sp[key];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  return value ? value.slice(0, 500) : undefined;
}

export function intParam(sp: Record<string, string | string[] | undefined>, key: string, min: number, max: number): number | undefined {
  const n = Number(param(sp, key));
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** lib/data's "not found" (another tenant's id, or none) becomes the page's 404; a bad cursor too. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof AppError && (e.code === "not_found" || e.code === "invalid")) notFound();
    throw e;
  }
}
