import { describe, expect, it } from "vitest";
import { ErrorSummary } from "~/ui";
import { render } from "./markup";

describe("ErrorSummary", () => {
  it("renders nothing when there are no errors", () => {
    expect(render(<ErrorSummary errors={[]} />)).toBe("");
  });

  it("lists each error as a link to its field, in order, under 'There is a problem'", () => {
    const html = render(
      <ErrorSummary
        errors={[
          { href: "#title", message: "Enter a project title" },
          { href: "#primaryPriority", message: "Select the primary priority" },
          { href: "#startDateDay", message: "Enter the start date" },
        ]}
      />,
    );
    expect(html).toContain('<h2 class="govuk-error-summary__title">There is a problem</h2>');
    const links = [...html.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map(([, href, text]) => [href, text]);
    expect(links).toEqual([
      ["#title", "Enter a project title"],
      ["#primaryPriority", "Select the primary priority"],
      ["#startDateDay", "Enter the start date"],
    ]);
  });

  it("is focusable for focusing on arrival, with the alert role on its inner container as GOV.UK Frontend 6 has it", () => {
    const html = render(<ErrorSummary errors={[{ href: "#aims", message: "Aims must be 400 characters or fewer" }]} />);
    expect(html).toMatch(/^<div class="govuk-error-summary" tabindex="-1"><div role="alert">/i);
  });

  it("takes another title", () => {
    const html = render(
      <ErrorSummary title="The proposal cannot be sent yet" errors={[{ href: "#x", message: "m" }]} />,
    );
    expect(html).toContain(">The proposal cannot be sent yet</h2>");
    expect(html).not.toContain("There is a problem");
  });

  it("escapes messages rather than injecting HTML", () => {
    const html = render(<ErrorSummary errors={[{ href: "#title", message: "<b>Title</b> & more" }]} />);
    expect(html).toContain("&lt;b&gt;Title&lt;/b&gt; &amp; more");
  });
});
