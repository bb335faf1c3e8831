import type { SubmissionResult } from "@conform-to/react";
import type { ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ActionForm, LiveActionForm, ServerActionForm } from "~/ui/action-form";
import { keptMarkup } from "~/ui/prerender.server";
import { KeptMarkup } from "~/ui/prerendered";
import { Radios } from "~/ui/radios";
import { text } from "~/ui/use-govuk-form";

const schema = z.object({ decision: z.string(), comment: z.string().max(10) });

/** The server's HTML for a page at `url` (with its hydration markers, which must match too). */
function page(element: ReactElement, url = "/proposals/24/review?tab=all", index = false): string {
  const route: RouteObject = index ? { index: true, element } : { path: "/proposals/:id/review", element };
  const routes: RouteObject[] = index ? [{ path: "/proposals/:id/review", children: [route] }] : [route];
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  return renderToString(<RouterProvider router={router} />);
}

type Props = Parameters<typeof ActionForm>[0];

const cases: [string, Props, string?, boolean?][] = [
  [
    "a comment box with hidden fields",
    {
      id: "comment-7-form",
      schema,
      button: "Add comment",
      variant: "secondary",
      comment: { id: "comment-7", label: "Comment on Project 7" },
      children: <input type="hidden" name="projectId" value="7" />,
    },
  ],
  [
    "a comment box whose hidden fields are props",
    {
      id: "comment-8-form",
      schema,
      action: "/proposals/24/review",
      button: "Add comment",
      variant: "secondary",
      comment: { id: "comment-8", label: "Comment on Project 8" },
      hidden: { intent: "comment", projectId: 8 },
    },
  ],
  [
    "fields drawn from starting values, posted elsewhere, without a summary of its own",
    {
      id: "decision-form",
      schema,
      fieldOrder: ["decision", "comment"],
      action: "/proposals/24/review/decision",
      defaults: { decision: "approve", comment: "Well argued" },
      summaryHere: false,
      button: "Continue",
      comment: { id: "comment-decision", label: "Feedback", hint: "Say why", maxLength: 300 },
      children: (errors, values) => (
        <Radios
          name="decision"
          label="Decision"
          items={[
            { value: "approve", label: "Approve" },
            { value: "reject", label: "Reject" },
          ]}
          defaultValue={text(values, "decision")}
          error={errors.decision}
        />
      ),
    },
  ],
  ["posted to another site", { id: "away-form", schema, action: "https://example.com/post", button: "Send" }],
  [
    "posted to another site without a scheme",
    { id: "away-form", schema, action: "//example.com/post", button: "Send" },
  ],
  ["posted to a relative address", { id: "up-form", schema, action: "../decision", button: "Send" }],
  ["posted to a path ending in a slash", { id: "slash-form", schema, action: "/proposals/24/", button: "Send" }],
  [
    "posted to a path with a query",
    { id: "query-form", schema, action: "/proposals/24/review?tab=all", button: "Send" },
  ],
  ["on an index route", { id: "index-form", schema, button: "Send" }, "/proposals/24/review?index", true],
  [
    "posted to a plain path from an index route",
    { id: "plain-form", schema, action: "/proposals/24/review", button: "Send" },
    "/proposals/24/review?index",
    true,
  ],
];

describe("ActionForm on the server", () => {
  it.each(cases)("writes %s as the live form does", (_name, props, url, index) => {
    const live = page(<LiveActionForm {...props} />, url, index);
    const server = page(<ServerActionForm {...props} />, url, index);
    expect(live).toContain("<form");
    expect(server).toBe(live);
    // And ActionForm chooses the server's form when nothing has been posted.
    expect(page(<ActionForm {...props} />, url, index)).toBe(live);
  });

  it.each(cases)("writes %s from kept markup as the live form does", (_name, props, url, index) => {
    const live = page(<LiveActionForm {...props} />, url, index);
    const kept = page(
      <KeptMarkup value={keptMarkup}>
        <ServerActionForm {...props} />
      </KeptMarkup>,
      url,
      index,
    );
    expect(kept).toBe(live);
  });

  it("keeps one form's inside for each distinct set of props, and renders it once", () => {
    const rendered: string[] = [];
    const counting = (input: string, render: () => ReactElement) =>
      keptMarkup(input, () => {
        rendered.push(input);
        return render();
      });
    const box = (projectId: number, label: string) =>
      page(
        <KeptMarkup value={counting}>
          <ServerActionForm
            id="comment-form"
            schema={schema}
            action="/proposals/24/review"
            button="Add comment"
            comment={{ id: "comment", label }}
            hidden={{ intent: "comment", projectId }}
          />
        </KeptMarkup>,
      );
    const first = box(9101, "Comment on Youth Outreach");
    expect(box(9101, "Comment on Youth Outreach")).toBe(first);
    const other = box(9102, "Comment on Youth Outreach");
    expect(other).toContain('name="projectId" value="9102"');
    expect(box(9101, "Comment on Street Safety")).toContain("Comment on Street Safety");
    expect(rendered).toHaveLength(3);
  });

  it("keeps the resolved address, the query included, and the route discovery marker", () => {
    const html = page(<ServerActionForm id="f" schema={schema} button="Send" />);
    expect(html).toContain('action="/proposals/24/review?tab=all"');
    expect(html).toContain('data-discover="true"');
  });

  it("shows the server's answer through the live form", () => {
    const lastResult: SubmissionResult<string[]> = {
      status: "error",
      initialValue: { comment: "far too long a comment" },
      error: { comment: ["Comment must be 10 characters or fewer"] },
    };
    const html = page(
      <ActionForm
        id="comment-form"
        schema={schema}
        lastResult={lastResult}
        button="Add comment"
        comment={{ id: "comment", label: "Comment" }}
      />,
    );
    expect(html).toContain("Comment must be 10 characters or fewer");
    expect(html).toContain("far too long a comment");
    expect(html).toContain("govuk-form-group--error");
  });
});
