import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { loader as overviewLoader } from "~/routes/proposal";
import { loader as checkLoader } from "~/routes/proposal-check";
import { loader as reviewLoader } from "~/routes/proposal-review";
import { makeProposal } from "./proposal-factory";
import { getRequest, useTestDatabase } from "./setup-db";

useTestDatabase();

type CheckArgs = Parameters<typeof checkLoader>[0];

async function loadCheck(proposalId: number, cookie: string, prerendered?: Map<string, string>) {
  return checkLoader({
    request: getRequest(`/proposals/${proposalId}/check`, cookie),
    params: { proposalId: String(proposalId) },
    context: prerendered ? { prerendered } : {},
  } as unknown as CheckArgs);
}

describe("the check page's prerendered project answers", () => {
  it("go into a whole page's HTML through the load context, not into its loader data", async () => {
    const made = await makeProposal();
    const markup = new Map<string, string>();

    const data = await loadCheck(made.id, made.borough.officer.cookie, markup);

    expect(data.projects).toHaveLength(1);
    const [project] = data.projects;
    expect(project!.summary.html).toBeUndefined();
    const html = markup.get(project!.summary.key);
    expect(html).toContain(`>${project!.title}<`);
    // A draft the officer may edit: change links to each section of this project.
    expect(html).toContain(`href="/proposals/${made.id}/projects/${made.projectId}/details"`);
    expect(JSON.stringify(data)).not.toContain("govuk-summary-card");
  });

  it("come in the loader data for a client-side navigation, the same markup under the same key", async () => {
    const made = await makeProposal();
    const markup = new Map<string, string>();
    const page = await loadCheck(made.id, made.borough.officer.cookie, markup);

    const navigation = await loadCheck(made.id, made.borough.officer.cookie);

    const [fromPage] = page.projects;
    const [fromNavigation] = navigation.projects;
    expect(fromNavigation!.summary.key).toBe(fromPage!.summary.key);
    expect(fromNavigation!.summary.html).toBe(markup.get(fromPage!.summary.key));
  });

  it("are made again when the project changes, never shown stale", async () => {
    const made = await makeProposal();
    const before = (await loadCheck(made.id, made.borough.officer.cookie)).projects[0]!;
    await db()
      .updateTable("projects")
      .set({ title: "Renamed after the first look" })
      .where("id", "=", made.projectId)
      .execute();

    const after = (await loadCheck(made.id, made.borough.officer.cookie)).projects[0]!;

    expect(after.summary.key).not.toBe(before.summary.key);
    expect(after.summary.html).toContain("Renamed after the first look");
    expect(after.summary.html).not.toContain(`>${before.title}<`);
  });
});

describe("the review and overview pages' prerendered read-only parts", () => {
  it("put the review page's contents, compliance answers and history into the HTML, not the loader data", async () => {
    const made = await makeProposal({ state: "in_review" });
    const markup = new Map<string, string>();
    const data = await reviewLoader({
      request: getRequest(`/proposals/${made.id}/review`, made.assignedReviewer!.cookie),
      params: { proposalId: String(made.id) },
      context: { prerendered: markup },
    } as unknown as Parameters<typeof reviewLoader>[0]);

    expect(markup.get(data.contents.key)).toContain(`href="#project-${made.projectId}"`);
    expect(markup.get(data.compliance.key)).toContain("Compliance answers");
    expect(markup.get(data.history.key)).toContain("Nothing has happened to this proposal yet");
    const sent = JSON.stringify(data);
    for (const shown of ["govuk-summary-card", "gem-c-contents-list", "Nothing has happened"])
      expect(sent).not.toContain(shown);
    // The comment boxes stay live: the page names each project for its form.
    expect(data.projects.map((p) => p.id)).toEqual([made.projectId]);
  });

  it("put the overview's projects table and history into the HTML, not the loader data", async () => {
    const made = await makeProposal();
    const markup = new Map<string, string>();
    const data = await overviewLoader({
      request: getRequest(`/proposals/${made.id}`, made.borough.officer.cookie),
      params: { proposalId: String(made.id) },
      context: { prerendered: markup },
    } as unknown as Parameters<typeof overviewLoader>[0]);

    expect(markup.get(data.projectsTable!.key)).toContain(`href="/proposals/${made.id}/projects/${made.projectId}"`);
    expect(markup.get(data.history.key)).toContain("Nothing has happened to this proposal yet");
    expect(JSON.stringify(data)).not.toContain("govuk-table");
  });
});
