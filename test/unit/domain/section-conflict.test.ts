import { describe, expect, it } from "vitest";
import { changedFields, sameAnswer } from "~/domain/section-conflict";

describe("sameAnswer", () => {
  it("treats no answer, an empty box, spaces and an empty list as the same", () => {
    expect(sameAnswer(undefined, "")).toBe(true);
    expect(sameAnswer("  ", [])).toBe(true);
    expect(sameAnswer(undefined, "x")).toBe(false);
  });

  it("compares ticked choices whatever their order", () => {
    expect(sameAnswer(["victim-care", "hate-crime"], ["hate-crime", "victim-care"])).toBe(true);
    expect(sameAnswer(["victim-care"], ["victim-care", "hate-crime"])).toBe(false);
    expect(sameAnswer("victim-care", ["victim-care"])).toBe(true);
  });
});

describe("changedFields", () => {
  const order = ["title", "primaryPriority", "categories"];

  it("lists only what differs, in page order", () => {
    const before = { title: "Patrols", primaryPriority: "1", categories: ["a", "b"] };
    const after = { categories: ["b"], title: "Estate patrols", primaryPriority: "1" };
    expect(changedFields(before, after, order)).toEqual(["title", "categories"]);
  });

  it("finds an answer given or cleared, and puts names the page does not list last", () => {
    expect(changedFields({ title: "A" }, { title: "A", primaryPriority: "2", extra: "x" }, order)).toEqual([
      "primaryPriority",
      "extra",
    ]);
    expect(changedFields({ title: "A", categories: ["a"] }, { title: "A" }, order)).toEqual(["categories"]);
  });

  it("finds nothing when only another section changed", () => {
    expect(changedFields({ title: "A", categories: ["a"] }, { title: "A", categories: ["a"] }, order)).toEqual([]);
  });
});
