import { describe, expect, it } from "vitest";
import { compareSnapshots } from "~/domain/changes";
import { ChangesSinceLastSubmission } from "~/ui/changes";
import { render } from "./markup";

describe("what changed since the last submission, as the reviewer reads it", () => {
  it("names a changed field by today's label, read from an old label-keyed snapshot", () => {
    const before = {
      projects: [{ id: 1, title: "VAWG Counselling", fields: { "Other local authorities": "No" } }],
      answers: {},
    };
    const after = {
      projects: [{ id: 1, title: "VAWG Counselling", fields: { otherAuthorities: "Yes: Havering" } }],
      answers: {},
    };
    const html = render(<ChangesSinceLastSubmission changes={compareSnapshots(before, after)} />);
    expect(html).toContain(
      "<strong>Works with other local authorities</strong> was <del>No</del>, now <ins>Yes: Havering</ins>",
    );
    expect(html).not.toContain("otherAuthorities");
    // The GOV.UK notification banner, a region named by its title.
    expect(html).toContain('role="region" aria-labelledby="changes-title"');
    expect(html).toContain('id="changes-title">Changed since the last submission</h2>');
  });

  it("says so when nothing changed", () => {
    const same = {
      projects: [{ id: 1, title: "VAWG Counselling", fields: { aims: "Fewer repeat victims" } }],
      answers: {},
    };
    const html = render(<ChangesSinceLastSubmission changes={compareSnapshots(same, structuredClone(same))} />);
    expect(html).toContain("Nothing has changed since MOPAC last saw the proposal.");
  });
});
