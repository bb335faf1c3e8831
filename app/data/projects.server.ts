import { sql, type Transaction, type Updateable } from "kysely";
import type { DB } from "../../db/connection";
import type { Database, ProjectTable } from "../../db/schema";
import { SaveRefused, saveWithVersion, type SaveResult } from "./proposals.server";

export type ContributorInput = {
  name: string;
  inKind: string | null;
  amounts: { financialYearId: number; amountPence: number }[];
};

export type ProjectRecord = NonNullable<Awaited<ReturnType<typeof findProject>>>;

const stamp = () => new Date().toISOString();

/** Every project of a proposal (or just one) with everything hung off it, in the officer's order. */
export async function loadProjects(db: DB, proposalId: number, onlyProjectId?: number) {
  let query = db.selectFrom("projects").selectAll().where("proposal_id", "=", proposalId);
  if (onlyProjectId !== undefined) query = query.where("id", "=", onlyProjectId);
  const projects = await query.orderBy("position").orderBy("id").execute();
  const ids = projects.map((p) => p.id);
  if (ids.length === 0) return [];
  const [costs, categories, measures, contributors] = await Promise.all([
    db
      .selectFrom("project_costs")
      .select(["project_id", "financial_year_id", "lcpf_pence", "la_cash_pence", "is_demo_figure"])
      .where("project_id", "in", ids)
      .execute(),
    db.selectFrom("project_categories").select(["project_id", "category"]).where("project_id", "in", ids).execute(),
    db.selectFrom("project_measures").select(["project_id", "measure_id"]).where("project_id", "in", ids).execute(),
    db
      .selectFrom("project_contributors")
      .select(["id", "project_id", "kind", "name", "in_kind"])
      .where("project_id", "in", ids)
      .orderBy("position")
      .execute(),
  ]);
  const amounts = contributors.length
    ? await db
        .selectFrom("project_contributor_amounts")
        .select(["contributor_id", "financial_year_id", "amount_pence"])
        .where(
          "contributor_id",
          "in",
          contributors.map((c) => c.id),
        )
        .execute()
    : [];
  return projects.map((project) => ({
    ...project,
    costs: costs
      .filter((c) => c.project_id === project.id)
      .map((c) => ({
        financialYearId: c.financial_year_id,
        lcpfPence: c.lcpf_pence,
        laCashPence: c.la_cash_pence,
        isDemoFigure: c.is_demo_figure === 1,
      })),
    categories: categories.filter((c) => c.project_id === project.id).map((c) => c.category),
    measureIds: measures.filter((m) => m.project_id === project.id).map((m) => m.measure_id),
    contributors: contributors
      .filter((c) => c.project_id === project.id)
      .map((c) => ({
        id: c.id,
        kind: c.kind,
        name: c.name,
        inKind: c.in_kind,
        amounts: amounts
          .filter((a) => a.contributor_id === c.id)
          .map((a) => ({ financialYearId: a.financial_year_id, amountPence: a.amount_pence })),
      })),
  }));
}

/** One project of a proposal, or undefined when it is not this proposal's. */
export async function findProject(db: DB, proposalId: number, projectId: number) {
  if (!Number.isSafeInteger(projectId) || projectId < 1) return undefined;
  const [project] = await loadProjects(db, proposalId, projectId);
  return project;
}

export type ProjectChanges = {
  columns?: Omit<Updateable<ProjectTable>, "id" | "proposal_id" | "position" | "created_at" | "updated_at">;
  categories?: string[];
  measureIds?: number[];
  costs?: { financialYearId: number; lcpfPence: number; laCashPence: number }[];
  /** Replaces every contributor of these kinds with the ones given. */
  contributors?: { kind: "partner" | "vcs"; list: ContributorInput[] }[];
};


export const DUPLICATE_TITLE_MESSAGE = "Another project in this proposal already has this title: give this one a different title";

async function titleTaken(tx: Transaction<Database>, proposalId: number, title: string, exceptProjectId?: number) {
  let query = tx
    .selectFrom("projects")
    .select("id")
    .where("proposal_id", "=", proposalId)
    .where(sql<string>`lower(title)`, "=", title.toLowerCase());
  if (exceptProjectId) query = query.where("id", "!=", exceptProjectId);
  return (await query.executeTakeFirst()) !== undefined;
}

async function applyChanges(tx: Transaction<Database>, projectId: number, changes: ProjectChanges) {
  const now = stamp();
  await tx
    .updateTable("projects")
    .set({ ...(changes.columns ?? {}), updated_at: now })
    .where("id", "=", projectId)
    .execute();
  if (changes.categories) {
    await tx.deleteFrom("project_categories").where("project_id", "=", projectId).execute();
    if (changes.categories.length) {
      await tx
        .insertInto("project_categories")
        .values(changes.categories.map((category) => ({ project_id: projectId, category, created_at: now })))
        .execute();
    }
  }
  if (changes.measureIds) {
    await tx.deleteFrom("project_measures").where("project_id", "=", projectId).execute();
    if (changes.measureIds.length) {
      await tx
        .insertInto("project_measures")
        .values(changes.measureIds.map((measure_id) => ({ project_id: projectId, measure_id, created_at: now })))
        .execute();
    }
  }
  if (changes.costs) {
    // A demo figure stays marked as one until someone changes the amount.
    const previous = await tx
      .selectFrom("project_costs")
      .select(["financial_year_id", "lcpf_pence", "is_demo_figure"])
      .where("project_id", "=", projectId)
      .execute();
    const stillDemo = (c: { financialYearId: number; lcpfPence: number }) =>
      previous.some((p) => p.financial_year_id === c.financialYearId && p.lcpf_pence === c.lcpfPence && p.is_demo_figure === 1) ? 1 : 0;
    await tx.deleteFrom("project_costs").where("project_id", "=", projectId).execute();
    if (changes.costs.length) {
      await tx
        .insertInto("project_costs")
        .values(
          changes.costs.map((c) => ({
            project_id: projectId,
            financial_year_id: c.financialYearId,
            lcpf_pence: c.lcpfPence,
            la_cash_pence: c.laCashPence,
            is_demo_figure: stillDemo(c),
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
  }
  for (const group of changes.contributors ?? []) {
    await tx.deleteFrom("project_contributors").where("project_id", "=", projectId).where("kind", "=", group.kind).execute();
    for (const [position, contributor] of group.list.entries()) {
      const { id } = await tx
        .insertInto("project_contributors")
        .values({
          project_id: projectId,
          kind: group.kind,
          name: contributor.name,
          in_kind: contributor.inKind,
          position,
          created_at: now,
          updated_at: now,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const amounts = contributor.amounts.filter((a) => a.amountPence > 0);
      if (amounts.length) {
        await tx
          .insertInto("project_contributor_amounts")
          .values(
            amounts.map((a) => ({
              contributor_id: id,
              financial_year_id: a.financialYearId,
              amount_pence: a.amountPence,
              created_at: now,
            })),
          )
          .execute();
      }
    }
  }
}

/** Adds a project to a proposal (under the proposal's version check). */
export async function createProject(
  db: DB,
  { proposalId, seenVersion, userId, title, changes }: { proposalId: number; seenVersion: number; userId: number; title: string; changes: ProjectChanges },
): Promise<SaveResult<number>> {
  return saveWithVersion(db, proposalId, seenVersion, userId, async (tx) => {
    if (await titleTaken(tx, proposalId, title)) throw new SaveRefused(DUPLICATE_TITLE_MESSAGE, "title");
    const { next } = await tx
      .selectFrom("projects")
      .select(sql<number>`coalesce(max(position), 0) + 1`.as("next"))
      .where("proposal_id", "=", proposalId)
      .executeTakeFirstOrThrow();
    const now = stamp();
    const { id } = await tx
      .insertInto("projects")
      .values({ proposal_id: proposalId, title, position: next, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await applyChanges(tx, id, changes);
    return id;
  });
}

/** Saves part of a project (under the proposal's version check). */
export async function updateProject(
  db: DB,
  {
    proposalId,
    projectId,
    seenVersion,
    userId,
    changes,
  }: { proposalId: number; projectId: number; seenVersion: number; userId: number; changes: ProjectChanges },
): Promise<SaveResult<number>> {
  return saveWithVersion(db, proposalId, seenVersion, userId, async (tx) => {
    const title = changes.columns?.title;
    if (typeof title === "string" && (await titleTaken(tx, proposalId, title, projectId))) {
      throw new SaveRefused(DUPLICATE_TITLE_MESSAGE, "title");
    }
    const exists = await tx.selectFrom("projects").select("id").where("id", "=", projectId).where("proposal_id", "=", proposalId).executeTakeFirst();
    if (!exists) throw new SaveRefused("This project has been removed from the proposal by someone else");
    await applyChanges(tx, projectId, changes);
    return projectId;
  });
}

export async function removeProject(
  db: DB,
  { proposalId, projectId, seenVersion, userId }: { proposalId: number; projectId: number; seenVersion: number; userId: number },
) {
  return saveWithVersion(db, proposalId, seenVersion, userId, async (tx) => {
    await tx.deleteFrom("projects").where("id", "=", projectId).where("proposal_id", "=", proposalId).execute();
  });
}
