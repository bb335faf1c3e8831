import { describe, expect, it } from "vitest";
import { findProject, updateProject } from "~/data/projects.server";
import { findProposal } from "~/data/proposals.server";
import { sectionContext } from "~/data/section-context.server";
import { db } from "~/db.server";
import { PROJECT_SECTIONS } from "~/domain/project-sections";
import { parseForm } from "~/forms/common";
import { flatValues } from "~/forms/project-section";
import { SECTION_DEFINITIONS } from "~/forms/sections";
import { conflictAnswer, conflictFieldLabel } from "~/ui/project-conflict";
import { makeProposal } from "./proposal-factory";
import { useTestDatabase } from "./setup-db";

useTestDatabase();

/** A draft project with something saved in every part that hangs off it. */
async function projectWithEveryPart() {
  const made = await makeProposal();
  const stamp = new Date().toISOString();
  const { id: localPriorityId } = await db()
    .insertInto("local_priorities")
    .values({
      organisation_id: made.borough.id,
      name: "Moped crime",
      position: 1,
      created_at: stamp,
      updated_at: stamp,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const measures = await db().selectFrom("measures").select("id").orderBy("position").limit(2).execute();
  const [first, second] = made.borough.years;
  if (!first || !second) throw new Error("The factory's period has fewer than two years");
  const saved = await updateProject(db(), {
    proposalId: made.id,
    projectId: made.projectId,
    seenVersion: 1,
    userId: made.borough.officer.id,
    changes: {
      columns: { la_in_kind: "A room at the town hall", co_commissioning_candidate: 1 },
      categories: ["victim-care", "hate-crime"],
      measureIds: measures.map((m) => m.id),
      localPriorityIds: [localPriorityId],
      costs: [
        { financialYearId: first.id, lcpfPence: 5_000_000, laCashPence: 120_000 },
        { financialYearId: second.id, lcpfPence: 7_500_000, laCashPence: 0 },
      ],
      contributors: [
        {
          kind: "partner",
          list: [
            {
              name: "Metropolitan Police",
              inKind: "Two officers",
              amounts: [{ financialYearId: first.id, amountPence: 250_000 }],
            },
          ],
        },
        {
          kind: "vcs",
          list: [
            { name: "Victim Support", inKind: null, amounts: [{ financialYearId: second.id, amountPence: 900_000 }] },
          ],
        },
      ],
    },
  });
  if (!saved.ok) throw new Error(saved.message);
  const proposal = await findProposal(db(), made.id);
  if (!proposal) throw new Error("The factory's proposal is missing");
  return { proposal, projectId: made.projectId };
}

/** What posting these values would send: the form's fields by name, lists item by item. */
function posted(values: Record<string, string | string[] | undefined>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) form.append(name, item);
  }
  return form;
}

describe("a project section page's reads", () => {
  it("lets each section fill, check, order and explain its answers as it would with everything loaded", async () => {
    const { proposal, projectId } = await projectWithEveryPart();
    const fullProject = await findProject(db(), proposal.id, projectId);
    const fullCtx = await sectionContext(db(), proposal);
    if (!fullProject) throw new Error("The project is missing");
    // Guards against a vacuous pass: every part and list the sections read has something in it.
    expect(fullProject.costs.length).toBeGreaterThan(0);
    expect(fullProject.categories.length).toBeGreaterThan(0);
    expect(fullProject.measureIds.length).toBeGreaterThan(0);
    expect(fullProject.localPriorityIds.length).toBeGreaterThan(0);
    expect(fullProject.contributors.length).toBe(2);
    expect(fullCtx.localPriorities?.length).toBeGreaterThan(0);

    for (const { id } of PROJECT_SECTIONS) {
      const definition = SECTION_DEFINITIONS[id];
      const project = await findProject(db(), proposal.id, projectId, definition.reads.project);
      const ctx = await sectionContext(db(), proposal, definition.reads.context);
      if (!project) throw new Error("The project is missing");

      const defaults = definition.defaults(project, ctx);
      expect(defaults, id).toEqual(definition.defaults(fullProject, fullCtx));
      expect(definition.fieldOrder(ctx), id).toEqual(definition.fieldOrder(fullCtx));

      const flat = flatValues(defaults);
      const checked = parseForm(posted(flat), { schema: definition.schema(ctx) });
      const checkedInFull = parseForm(posted(flat), { schema: definition.schema(fullCtx) });
      expect(checked.status, id).toBe(checkedInFull.status);
      expect(checked.status === "success" ? checked.value : checked.error, id).toEqual(
        checkedInFull.status === "success" ? checkedInFull.value : checkedInFull.error,
      );

      for (const [name, value] of Object.entries(flat)) {
        expect(conflictFieldLabel(name, ctx), `${id}: ${name}`).toBe(conflictFieldLabel(name, fullCtx));
        expect(conflictAnswer(name, value ?? null, ctx), `${id}: ${name}`).toEqual(
          conflictAnswer(name, value ?? null, fullCtx),
        );
      }
    }
  });

  it("reads only the project's row and its costs for the funding page", async () => {
    const { proposal, projectId } = await projectWithEveryPart();

    const project = await findProject(db(), proposal.id, projectId, SECTION_DEFINITIONS.funding.reads.project);
    const ctx = await sectionContext(db(), proposal, SECTION_DEFINITIONS.funding.reads.context);

    expect(project?.costs).toHaveLength(2);
    expect(project?.contributors).toEqual([]);
    expect(ctx.measures).toEqual([]);
    expect(ctx.years.length).toBeGreaterThan(0);
  });
});
