import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { action as sectionAction } from "~/routes/project-section";
import { cookieFor, formRequest, settle, useTestDatabase } from "./setup-db";

// ASVS 4.0.3 V5.1.2 (docs/security.md): a form saves only the fields its schema names. Extra fields
// that look like columns are dropped, so a post cannot move a project, reopen a proposal or take a review.

useTestDatabase();

async function demoProposal() {
  return db()
    .selectFrom("proposals as p")
    .innerJoin("organisations as o", "o.id", "p.lead_organisation_id")
    .selectAll("p")
    .where("o.name", "=", "Barking and Dagenham")
    .executeTakeFirstOrThrow();
}

describe("mass assignment", () => {
  it("saves a section's own fields and ignores columns added to the post", async () => {
    const proposal = await demoProposal();
    const project = await db()
      .selectFrom("projects")
      .selectAll()
      .where("proposal_id", "=", proposal.id)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const other = await db()
      .selectFrom("proposals")
      .select("id")
      .where("id", "!=", proposal.id)
      .orderBy("id")
      .executeTakeFirst();
    const reviewer = await db()
      .selectFrom("users")
      .select("id")
      .where("role", "=", "mopac_reviewer")
      .executeTakeFirstOrThrow();
    const priority = await db().selectFrom("priorities").select("id").orderBy("id").executeTakeFirstOrThrow();
    const cookie = await cookieFor("officer@barking-dagenham.test");

    const outcome = await settle(() =>
      sectionAction({
        request: formRequest(
          `/proposals/${proposal.id}/projects/${project.id}/details`,
          {
            version: String(project.version),
            title: "Renamed through the form",
            primaryPriority: String(priority.id),
            categories: ["victim-care"],
            // Not fields of this form: each names a column or a setting someone might hope to reach.
            id: "999",
            proposal_id: String(other?.id ?? 999),
            proposalId: String(other?.id ?? 999),
            position: "99",
            status: "approved",
            assigned_reviewer_id: String(reviewer.id),
            lead_organisation_id: "1",
            description: "Set from the details page",
          },
          cookie,
        ),
        params: { proposalId: String(proposal.id), projectId: String(project.id), section: "details" },
        context: {},
      } as never),
    );
    // The save went through (a redirect to the project), so the extra fields were ignored, not refused.
    expect(outcome.thrown).toBe(true);
    expect((outcome.value as Response).status).toBe(302);

    const after = await db().selectFrom("projects").selectAll().where("id", "=", project.id).executeTakeFirstOrThrow();
    expect(after.title).toBe("Renamed through the form");
    expect(after).toMatchObject({
      proposal_id: project.proposal_id,
      position: project.position,
      description: project.description,
      version: project.version + 1,
    });
    const proposalAfter = await demoProposal();
    expect(proposalAfter).toMatchObject({
      status: proposal.status,
      assigned_reviewer_id: proposal.assigned_reviewer_id,
      lead_organisation_id: proposal.lead_organisation_id,
    });
  });
});
