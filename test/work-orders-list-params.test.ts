// The list's URL state: read forgivingly (a bad value is dropped, never an error page), written back
// without empty or default values, and round-tripping unchanged.
import { describe, expect, it } from "vitest";
import { activeFilters, parseListParams, toListInput, toQuery } from "@/components/work-orders/list-params";

describe("work order list URL", () => {
  it("round-trips every filter, the sort and the cursor", () => {
    const query =
      "q=pump&status=open&status=on_hold&type=corrective&priority=1&assignee=me&location=loc-1&asset=asset-1&due_from=2026-01-01&due_to=2026-02-01&overdue=1&sort=due";
    const search = new URLSearchParams(query);
    const params = parseListParams(Object.fromEntries([...search.keys()].map((k) => [k, search.getAll(k)])));
    expect(toQuery(params)).toBe(query);
    expect(toQuery(params, { cursor: "abc" })).toBe(`${query}&cursor=abc`);
    expect(activeFilters(params)).toBe(9);
    expect(toListInput({ ...params, cursor: "c", before: "b" })).toMatchObject({
      q: "pump",
      status: ["open", "on_hold"],
      type: ["corrective"],
      priority: [1],
      assignee: "me",
      locationId: "loc-1",
      assetId: "asset-1",
      dueAfter: "2026-01-01",
      dueBefore: "2026-02-01",
      overdue: true,
      sort: "due",
      cursor: "c",
      before: undefined,
    });
  });

  it("drops values it does not understand and leaves defaults out of the URL", () => {
    const params = parseListParams({ status: ["open", "done"], type: "repair", priority: "9", due_from: "yesterday", sort: "random", overdue: "yes", q: "  " });
    expect(params).toMatchObject({ status: ["open"], type: undefined, priority: undefined, dueFrom: undefined, sort: "newest", overdue: false, q: undefined });
    expect(toQuery(params)).toBe("status=open");
    expect(toQuery(parseListParams({}))).toBe("");
  });
});
