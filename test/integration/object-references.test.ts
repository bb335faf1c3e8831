import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { action as removeAction } from "~/routes/project-remove";
import { action as sectionAction, loader as sectionLoader } from "~/routes/project-section";
import { loader as projectLoader } from "~/routes/project";
import { makeProposal } from "./proposal-factory";
import { formRequest, getRequest, settle, useTestDatabase } from "./setup-db";

// ASVS 4.0.3 V4.2.1 (docs/security.md): a project is reached only through its own proposal. An officer
// who may edit their own proposal cannot put another borough's project id under it.

useTestDatabase();

function statusOf(outcome: { value: unknown }): number | undefined {
  const value = outcome.value as { status?: number; init?: { status?: number } } | undefined;
  return value instanceof Response ? value.status : value?.init?.status;
}

describe("a project id from another proposal under one's own", () => {
  it("is page not found for the project's pages and actions, and changes nothing", async () => {
    const mine = await makeProposal();
    const theirs = await makeProposal();
    const cookie = mine.borough.officer.cookie;
    const before = await db()
      .selectFrom("projects")
      .selectAll()
      .where("id", "=", theirs.projectId)
      .executeTakeFirstOrThrow();
    const base = `/proposals/${mine.id}/projects/${theirs.projectId}`;
    const params = { proposalId: String(mine.id), projectId: String(theirs.projectId), section: "details" };
    const run = (fn: (args: never) => Promise<unknown>, request: Request) =>
      settle(() => fn({ request, params, context: {} } as never));

    const outcomes = await Promise.all([
      run(projectLoader, getRequest(base, cookie)),
      run(sectionLoader, getRequest(`${base}/details`, cookie)),
      run(
        sectionAction,
        formRequest(
          `${base}/details`,
          { version: String(before.version), title: "Taken over", categories: ["victim-care"] },
          cookie,
        ),
      ),
      run(removeAction, formRequest(`${base}/remove`, { version: String(before.version) }, cookie)),
    ]);
    expect(outcomes.map(statusOf)).toEqual([404, 404, 404, 404]);

    // The same officer reaches their own project through the same pages.
    const own = await settle(() =>
      projectLoader({
        request: getRequest(`/proposals/${mine.id}/projects/${mine.projectId}`, cookie),
        params: { proposalId: String(mine.id), projectId: String(mine.projectId) },
        context: {},
      } as never),
    );
    expect(own.thrown).toBe(false);

    const after = await db().selectFrom("projects").selectAll().where("id", "=", theirs.projectId).executeTakeFirst();
    expect(after).toEqual(before);
  });
});
