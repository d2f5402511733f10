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
/**
 * The argument names of an ICU message, the words of plural/select branches left out: "{n, plural, one
 * {Every day} other {Every # days}}" has the one argument n. (A regex cannot tell the two kinds of brace
 * apart; this reads the nesting the way the formatter does.)
 */
function placeholders(message: string): string[] {
  const names: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (/\s/.test(message[i] ?? "")) i++;
  };
  const word = () => {
    const start = i;
    while (i < message.length && !/[\s,{}]/.test(message[i])) i++;
    return message.slice(start, i);
  };
  // Text up to the "}" that closes the current branch (or the end).
  function text() {
    while (i < message.length && message[i] !== "}") {
      if (message[i] === "{") argument();
      else i++;
    }
  }
  function argument() {
    i++; // {
    skipSpace();
    names.push(word());
    skipSpace();
    if (message[i] === ",") {
      i++;
      skipSpace();
      const type = word();
      skipSpace();
      if (["plural", "select", "selectordinal"].includes(type)) {
        while (i < message.length && message[i] !== "}") {
          if (message[i] === ",") i++;
          skipSpace();
          word(); // the selector: one, other, =0, a select value; or offset:n
          skipSpace();
          if (message[i] === "{") {
            i++;
            text();
            i++; // }
          }
          skipSpace();
        }
      } else {
        // number / date / time with a style: no arguments inside.
        while (i < message.length && message[i] !== "}") i++;
      }
    }
    i++; // }
  }
  text();
  return names.sort();
}

describe("placeholders", () => {
  it("reads argument names, not the words of plural or select branches", () => {
    expect(placeholders("{n, plural, one {Every day} other {Every # days}}")).toEqual(["n"]);
    expect(placeholders("Hello {name}, you have {count, number} items on {at, date, medium}")).toEqual(["at", "count", "name"]);
    expect(placeholders("{g, select, a {Hi {who}} other {Bye}} {n, plural, =0 {none} other {#}}")).toEqual(["g", "n", "who"]);
    expect(placeholders("No arguments")).toEqual([]);
  });
});

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
