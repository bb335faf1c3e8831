import { describe, expect, it } from "vitest";
import { loader as checkLoader } from "~/routes/proposal-check";
import { makeProposal, type MadeProposal } from "./proposal-factory";
import { getRequest, settle, useTestDatabase } from "./setup-db";

useTestDatabase();

type CheckPage = Awaited<ReturnType<typeof checkLoader>>;

async function checkPage(p: MadeProposal, cookie: string): Promise<CheckPage> {
  const outcome = await settle(() =>
    checkLoader({
      request: getRequest(`/proposals/${p.id}/check`, cookie),
      params: { proposalId: String(p.id) },
      context: {},
    } as never),
  );
  if (outcome.thrown) throw new Error("The check page refused");
  return outcome.value as CheckPage;
}

describe("the check page's blockers", () => {
  it("are listed for an officer who may send the proposal", async () => {
    const p = await makeProposal({ compliance: false });

    const page = await checkPage(p, p.borough.officer.cookie);

    expect(page.editable).toBe(true);
    expect(page.blockers.map((b) => b.code)).toEqual(["compliance-unanswered"]);
  });

  it("are left out once nobody can send it: the page does not show them", async () => {
    const p = await makeProposal({ compliance: false, state: "in_review" });

    const page = await checkPage(p, p.borough.officer.cookie);

    expect(page.editable).toBe(false);
    expect(page.blockers).toEqual([]);
    // The page itself is all there.
    expect(page.projects.map((project) => project.id)).toEqual([p.projectId]);
  });
});
