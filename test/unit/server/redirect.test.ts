import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "~/auth/guard.server";

describe("only a same-site path survives as a redirect target", () => {
  const hostile = [
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/x",
    "/\r\n/x",
    "/%09/evil.example",
    "/%0A/x",
    "/%0d%0a/x",
    "/%2F%2Fevil.example",
    "/%2f/evil.example",
    "/%5Cevil.example",
    "/%252F%252Fevil.example",
    "/ /evil.example",
    "https://evil.example/",
    "http:evil.example",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/\u0000/x",
    "/" + "a".repeat(2001),
  ];
  it.each(hostile)("refuses %j", (target) => {
    expect(safeRedirectTarget(target, "/home")).toBe("/home");
  });

  it("refuses values that are not strings", () => {
    expect(safeRedirectTarget(null, "/home")).toBe("/home");
    expect(safeRedirectTarget(undefined, "/home")).toBe("/home");
    expect(safeRedirectTarget(new File(["x"], "x.txt"), "/home")).toBe("/home");
  });

  it.each([
    ["/proposals/1", "/proposals/1"],
    ["/proposals/1/projects/2/description?saved=1", "/proposals/1/projects/2/description?saved=1"],
    ["/review?status=submitted&borough=3", "/review?status=submitted&borough=3"],
    ["/proposals/1#project-2", "/proposals/1#project-2"],
    // Normalised as the browser would: dot segments cannot climb out of the site anyway.
    ["/a/../proposals/1", "/proposals/1"],
  ])("keeps the same-site path %j", (target, expected) => {
    expect(safeRedirectTarget(target, "/home")).toBe(expected);
  });
});
