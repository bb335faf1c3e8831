import { describe, expect, it } from "vitest";
import { signedInAs } from "~/ui/layout";

describe("signedInAs: the header names the organisation once", () => {
  it("adds the organisation to a plain name", () => {
    expect(signedInAs("Sam Patel", "Newham")).toBe("Sam Patel, Newham");
  });

  it("does not repeat an organisation the name already carries", () => {
    expect(signedInAs("Demo CSP Chair (Barking and Dagenham)", "Barking and Dagenham")).toBe(
      "Demo CSP Chair (Barking and Dagenham)",
    );
  });
});
