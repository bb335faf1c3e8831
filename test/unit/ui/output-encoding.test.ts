import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { DescriptionForm } from "~/ui/sections/description-form";
import { ctx, project } from "../sections/fixtures";
import { render } from "./markup";

// ASVS 4.0.3 V5.3.3 (docs/security.md): people's saved words are rendered by React as text, never as
// markup, even when they try to close the element they sit in.

const hostile = {
  description: '</textarea><script>alert("description")</script>',
  aims: '"><img src=x onerror=alert(1)>',
  outcomes: "<svg onload=alert(2)>",
  otherAuthorities: "</textarea><iframe src=//evil.example>",
};

describe("saved answers that look like markup", () => {
  const html = render(
    createElement(DescriptionForm, {
      values: { ...hostile, worksWithOtherAuthorities: "yes" },
      errors: {},
      ctx,
      project: project(),
      years: [],
    }),
  );

  it("appear as escaped text inside their boxes, and add no element or attribute", () => {
    expect(html).not.toMatch(/<(script|img|svg|iframe)\b/i);
    expect(html).toContain("&lt;/textarea&gt;&lt;script&gt;");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("&lt;svg onload=alert(2)&gt;");
    // Each box is closed exactly once: by its own closing tag, not by the answer inside it.
    expect(html.match(/<\/textarea>/g)?.length).toBe(html.match(/<textarea/g)?.length);
  });
});
