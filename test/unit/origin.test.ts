import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "~/auth/origin";

describe("refusing state-changing requests from other sites", () => {
  const own = "http://localhost:3000";
  it("lets reads through from anywhere", () => {
    expect(isCrossOriginWrite("GET", own, { origin: "https://evil.example" })).toBe(false);
    expect(isCrossOriginWrite("HEAD", own, {})).toBe(false);
  });
  it("lets posts from the portal's own pages through", () => {
    expect(isCrossOriginWrite("POST", own, { origin: own })).toBe(false);
    expect(isCrossOriginWrite("POST", own, { secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossOriginWrite("POST", own, {})).toBe(false);
  });
  it("refuses posts from another origin", () => {
    expect(isCrossOriginWrite("POST", own, { origin: "https://evil.example" })).toBe(true);
    expect(isCrossOriginWrite("POST", own, { origin: "http://localhost:3001" })).toBe(true);
    expect(isCrossOriginWrite("DELETE", own, { secFetchSite: "cross-site" })).toBe(true);
  });
});
