// Every locale translates every key English has, and nothing else; placeholders match.
import { describe, expect, it } from "vitest";
import { LOCALES } from "./locales";
import { FEATURES, loadMessages } from "./messages";

function flatten(obj: Record<string, unknown>, prefix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(obj).flatMap(([k, v]) =>
      v && typeof v === "object" ? Object.entries(flatten(v as Record<string, unknown>, `${prefix}${k}.`)) : [[`${prefix}${k}`, String(v)]],
    ),
  );
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();

describe("translations", () => {
  it(`cover the features ${FEATURES.join(", ")} in every locale`, async () => {
    const en = flatten(await loadMessages("en"));
    for (const locale of LOCALES) {
      const other = flatten(await loadMessages(locale));
      expect(Object.keys(other).sort(), locale).toEqual(Object.keys(en).sort());
      for (const key of Object.keys(en)) {
        expect(placeholders(other[key]), `${locale} ${key}`).toEqual(placeholders(en[key]));
        expect(other[key].trim(), `${locale} ${key}`).not.toBe("");
      }
    }
  });
});
