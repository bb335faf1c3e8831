import { sql, type Transaction, type Updateable } from "kysely";
import { type DB, inTransaction } from "../../db/connection";
import { prepared } from "../../db/prepared";
import type { Database, ProjectTable } from "../../db/schema";
import { isEditableState } from "~/domain/workflow";
import { SaveRefused } from "./proposals.server";

export type ContributorInput = {
  name: string;
  inKind: string | null;
  amounts: { financialYearId: number; amountPence: number }[];
};

export type ProjectRecord = NonNullable<Awaited<ReturnType<typeof findProject>>>;

const stamp = () => new Date().toISOString();

/** What hangs off a project, each read by a query of its own. */
export type ProjectPart = "costs" | "categories" | "measures" | "contributors" | "localPriorities";
export const ALL_PROJECT_PARTS: readonly ProjectPart[] = ["costs", "categories", "measures", "contributors", "localPriorities"];

/*
 * loadProjects' queries, each of one shape however many projects there are (see db/prepared.ts): the
 * projects of a proposal, or the one project named (a null project id means every one).
 */
type ProjectScope = [proposalId: number, projectId: number | null];
function projectsInScope(db: DB, ...[proposalId, projectId]: ProjectScope) {
  return db
    .selectFrom("projects")
    .select("id")
    .where("proposal_id", "=", proposalId)
    .where((eb) => eb("id", "=", eb.fn.coalesce(eb.val(projectId), eb.ref("id"))));
}

const projectRows = prepared((db, ...scope: ProjectScope) =>
  db
    .selectFrom("projects")
    .selectAll()
    .where("id", "in", projectsInScope(db, ...scope))
    .orderBy("position")
    .orderBy("id"),
);
const costRows = prepared((db, ...scope: ProjectScope) =>
  db
    .selectFrom("project_costs")
    .select(["project_id", "financial_year_id", "lcpf_pence", "la_cash_pence", "is_demo_figure"])
    .where("project_id", "in", projectsInScope(db, ...scope)),
);
const categoryRows = prepared((db, ...scope: ProjectScope) =>
  db
    .selectFrom("project_categories")
    .select(["project_id", "category"])
    .where("project_id", "in", projectsInScope(db, ...scope)),
);
const measureRows = prepared((db, ...scope: ProjectScope) =>
  db
    .selectFrom("project_measures")
    .select(["project_id", "measure_id"])
    .where("project_id", "in", projectsInScope(db, ...scope)),
);
const contributorRows = prepared((db, ...scope: ProjectScope) =>
  db
    .selectFrom("project_contributors")
    .select(["id", "project_id", "kind", "name", "in_kind"])
    .where("project_id", "in", projectsInScope(db, ...scope))
    .orderBy("position"),
);
const contributorAmountRows = prepared((db, ...scope: ProjectScope) =>
  db
    .selectFrom("project_contributor_amounts as a")
    .innerJoin("project_contributors as c", "c.id", "a.contributor_id")
    .select(["a.contributor_id", "a.financial_year_id", "a.amount_pence"])
    .where("c.project_id", "in", projectsInScope(db, ...scope)),
);
const localPriorityRows = prepared((db, ...scope: ProjectScope) =>
  db
    .selectFrom("project_local_priorities as plp")
    .innerJoin("local_priorities as lp", "lp.id", "plp.local_priority_id")
    .select(["plp.project_id", "lp.id", "lp.name"])
    .where("plp.project_id", "in", projectsInScope(db, ...scope))
    .orderBy("lp.position"),
);

/**
 * Every project of a proposal (or just one) with everything hung off it, in the officer's order.
 * `parts` names what to read besides the project's own row (everything, unless told): a part not
 * read comes back empty, so only a page that shows none of it may leave it out.
 */
export async function loadProjects(
  db: DB,
  proposalId: number,
  onlyProjectId?: number,
  parts: readonly ProjectPart[] = ALL_PROJECT_PARTS,
) {
  const scope = [proposalId, onlyProjectId ?? null] as const;
  const projects = await projectRows(db, ...scope);
  if (projects.length === 0) return [];
  const reads = (part: ProjectPart) => parts.includes(part);
  const [costs, categories, measures, contributors, localPriorities] = await Promise.all([
    reads("costs") ? costRows(db, ...scope) : [],
    reads("categories") ? categoryRows(db, ...scope) : [],
    reads("measures") ? measureRows(db, ...scope) : [],
    reads("contributors") ? contributorRows(db, ...scope) : [],
    reads("localPriorities") ? localPriorityRows(db, ...scope) : [],
  ]);
  const amounts = contributors.length > 0 ? await contributorAmountRows(db, ...scope) : [];
  const costsOf = grouped(costs, (c) => c.project_id);
  const categoriesOf = grouped(categories, (c) => c.project_id);
  const measuresOf = grouped(measures, (m) => m.project_id);
  const localPrioritiesOf = grouped(localPriorities, (l) => l.project_id);
  const contributorsOf = grouped(contributors, (c) => c.project_id);
  const amountsOf = grouped(amounts, (a) => a.contributor_id);
  // Each row gets its parts added in place: V8 (Node 20) takes microseconds to copy a row of some thirty
  // columns into a new object with more fields beside it, once per project on every proposal page.
  return projects.map((project) => {
    const projectLocalPriorities = localPrioritiesOf.get(project.id) ?? [];
    return Object.assign(project, {
      costs: (costsOf.get(project.id) ?? []).map((c) => ({
        financialYearId: c.financial_year_id,
        lcpfPence: c.lcpf_pence,
        laCashPence: c.la_cash_pence,
        isDemoFigure: c.is_demo_figure === 1,
      })),
      categories: (categoriesOf.get(project.id) ?? []).map((c) => c.category),
      measureIds: (measuresOf.get(project.id) ?? []).map((m) => m.measure_id),
      localPriorityIds: projectLocalPriorities.map((l) => l.id),
      /** The local priorities it names, with their names, so a summary needs no list of its own. */
      localPriorities: projectLocalPriorities.map((l) => ({ id: l.id, name: l.name })),
      contributors: (contributorsOf.get(project.id) ?? []).map((c) => ({
        id: c.id,
        kind: c.kind,
        name: c.name,
        inKind: c.in_kind,
        amounts: (amountsOf.get(c.id) ?? []).map((a) => ({
          financialYearId: a.financial_year_id,
          amountPence: a.amount_pence,
        })),
      })),
    });
  });
}

/** Rows by the id they belong to, each list in the rows' own order. */
export function grouped<Row>(rows: readonly Row[], idOf: (row: Row) => number): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const row of rows) {
    const id = idOf(row);
    const group = groups.get(id);
    if (group) group.push(row);
    else groups.set(id, [row]);
  }
  return groups;
}

/** One project of a proposal, or undefined when it is not this proposal's. `parts` as for loadProjects. */
export async function findProject(db: DB, proposalId: number, projectId: number, parts?: readonly ProjectPart[]) {
  if (!Number.isSafeInteger(projectId) || projectId < 1) return undefined;
  const [project] = await loadProjects(db, proposalId, projectId, parts);
  return project;
}

export type ProjectChanges = {
  columns?: Omit<Updateable<ProjectTable>, "id" | "proposal_id" | "position" | "version" | "updated_by" | "created_at" | "updated_at">;
  categories?: string[];
  measureIds?: number[];
  /** The borough's local priorities the project names among its measures. */
  localPriorityIds?: number[];
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
  if (changes.localPriorityIds) {
    await tx.deleteFrom("project_local_priorities").where("project_id", "=", projectId).execute();
    if (changes.localPriorityIds.length) {
      await tx
        .insertInto("project_local_priorities")
        .values(changes.localPriorityIds.map((local_priority_id) => ({ project_id: projectId, local_priority_id, created_at: now })))
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

/*
 * Which version guards what (so that no legitimate parallel work is refused and no update is lost):
 *
 * - A project's own version guards its answers. Every save of the project checks and bumps it, so two
 *   officers on different projects never refuse each other, and removing a project someone has just
 *   saved is refused too.
 * - The proposal's version guards the proposal's own answers (compliance) and its status; workflow
 *   steps check and bump it. Project saves, additions and removals leave it alone: they overwrite
 *   nothing of the proposal's, and bumping it would refuse a colleague's compliance answers for no reason.
 * - Instead, every project write checks, in its own transaction, that the proposal is still in a state
 *   that may be edited: once it has gone to the CSP (or been withdrawn) every project save is refused.
 *   Workflow steps read and move the status in one transaction, so no save slips in between.
 */

export const PROJECT_CONFLICT_MESSAGE =
  "Someone else has saved this project since you opened this page. Your answers have not been saved: " +
  "compare them with the saved answers below, then keep yours or use theirs.";
export const NOT_EDITABLE_MESSAGE =
  "This proposal can no longer be changed: it has moved on (for example, been sent to the CSP) since you opened this page. " +
  "Your answers have not been saved.";
export const PROJECT_REMOVED_MESSAGE = "This project has been removed from the proposal by someone else";

/** What a conflicting save shows: the project as the officer started from it and as it is now. */
export type ProjectConflict = {
  /** The project at the version the officer started from; null when that version is unknown. */
  base: ProjectRecord | null;
  current: ProjectRecord;
  savedByName: string | null;
  savedAt: string;
};

export type ProjectSaveResult<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; field?: string; conflict?: ProjectConflict };

class ProjectConflictError extends Error {
  constructor(readonly conflict: ProjectConflict) {
    super(PROJECT_CONFLICT_MESSAGE);
  }
}

/** Refuses a write once the proposal has left the states in which its content may change. */
async function requireEditable(tx: Transaction<Database>, proposalId: number, userId: number) {
  const proposal = await tx.selectFrom("proposals").select("status").where("id", "=", proposalId).executeTakeFirst();
  if (!proposal || !isEditableState(proposal.status)) throw new SaveRefused(NOT_EDITABLE_MESSAGE);
  // The proposal's "last changed" follows its projects; its version does not (see above).
  await tx.updateTable("proposals").set({ updated_at: stamp(), updated_by: userId }).where("id", "=", proposalId).execute();
}

async function conflictOf(tx: Transaction<Database>, proposalId: number, projectId: number, seenVersion: number): Promise<ProjectConflict> {
  const [current] = await loadProjects(tx, proposalId, projectId);
  if (!current) throw new SaveRefused(PROJECT_REMOVED_MESSAGE);
  const revision = await tx
    .selectFrom("project_revisions")
    .select("snapshot")
    .where("project_id", "=", projectId)
    .where("version", "=", seenVersion)
    .executeTakeFirst();
  const savedBy = current.updated_by
    ? await tx.selectFrom("users").select("name").where("id", "=", current.updated_by).executeTakeFirst()
    : undefined;
  return {
    base: revision ? (JSON.parse(revision.snapshot) as ProjectRecord) : null,
    current,
    savedByName: savedBy?.name ?? null,
    savedAt: current.updated_at,
  };
}

async function runProjectSave<T>(db: DB, write: (tx: Transaction<Database>) => Promise<T>): Promise<ProjectSaveResult<T>> {
  try {
    return { ok: true, value: await inTransaction(db, write) };
  } catch (error) {
    if (error instanceof ProjectConflictError) return { ok: false, message: error.message, conflict: error.conflict };
    if (error instanceof SaveRefused) return { ok: false, message: error.message, ...(error.field ? { field: error.field } : {}) };
    throw error;
  }
}

/** Adds a project to a proposal that may still be edited. New rows overwrite nothing, so no version is checked. */
export async function createProject(
  db: DB,
  { proposalId, userId, title, changes }: { proposalId: number; userId: number; title: string; changes: ProjectChanges },
): Promise<ProjectSaveResult<number>> {
  return runProjectSave(db, async (tx) => {
    await requireEditable(tx, proposalId, userId);
    if (await titleTaken(tx, proposalId, title)) throw new SaveRefused(DUPLICATE_TITLE_MESSAGE, "title");
    const { next } = await tx
      .selectFrom("projects")
      .select(sql<number>`coalesce(max(position), 0) + 1`.as("next"))
      .where("proposal_id", "=", proposalId)
      .executeTakeFirstOrThrow();
    const now = stamp();
    const { id } = await tx
      .insertInto("projects")
      .values({ proposal_id: proposalId, title, position: next, updated_by: userId, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await applyChanges(tx, id, changes);
    return id;
  });
}

/**
 * Saves part of a project, checked against the project's version the officer started from.
 *
 * When the project has moved on, `overlaps` decides, from the project as the officer started from it and
 * as it is now, whether the colleague changed anything this save would overwrite. If not (they worked on
 * another section), the save goes ahead; otherwise it is refused with both for the page to show. Without
 * `overlaps`, any newer version is a conflict.
 */
export async function updateProject(
  db: DB,
  {
    proposalId,
    projectId,
    seenVersion,
    userId,
    changes,
    overlaps,
  }: {
    proposalId: number;
    projectId: number;
    seenVersion: number;
    userId: number;
    changes: ProjectChanges;
    overlaps?: (base: ProjectRecord, current: ProjectRecord) => boolean;
  },
): Promise<ProjectSaveResult<number>> {
  return runProjectSave(db, async (tx) => {
    await requireEditable(tx, proposalId, userId);
    const row = await tx
      .selectFrom("projects")
      .select("version")
      .where("id", "=", projectId)
      .where("proposal_id", "=", proposalId)
      .executeTakeFirst();
    if (!row) throw new SaveRefused(PROJECT_REMOVED_MESSAGE);
    if (row.version !== seenVersion) {
      const conflict = await conflictOf(tx, proposalId, projectId, seenVersion);
      if (!overlaps || !conflict.base || overlaps(conflict.base, conflict.current)) throw new ProjectConflictError(conflict);
    }
    const title = changes.columns?.title;
    if (typeof title === "string" && (await titleTaken(tx, proposalId, title, projectId))) {
      throw new SaveRefused(DUPLICATE_TITLE_MESSAGE, "title");
    }
    // Keep the project as it was at this version, for anyone whose save from it later conflicts.
    const [before] = await loadProjects(tx, proposalId, projectId);
    await tx
      .insertInto("project_revisions")
      .values({ project_id: projectId, version: row.version, snapshot: JSON.stringify(before), created_at: stamp() })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // Compare-and-set, so a save that raced this one since the read above cannot be overwritten.
    const claimed = await tx
      .updateTable("projects")
      .set({ version: row.version + 1, updated_by: userId })
      .where("id", "=", projectId)
      .where("version", "=", row.version)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new ProjectConflictError(await conflictOf(tx, proposalId, projectId, seenVersion));
    await applyChanges(tx, projectId, changes);
    return projectId;
  });
}

/** Removes a project, refused when someone has saved it since the officer opened the page. */
export async function removeProject(
  db: DB,
  { proposalId, projectId, seenVersion, userId }: { proposalId: number; projectId: number; seenVersion: number; userId: number },
): Promise<ProjectSaveResult<void>> {
  return runProjectSave(db, async (tx) => {
    await requireEditable(tx, proposalId, userId);
    const removed = await tx
      .deleteFrom("projects")
      .where("id", "=", projectId)
      .where("proposal_id", "=", proposalId)
      .where("version", "=", seenVersion)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) {
      const still = await tx.selectFrom("projects").select("id").where("id", "=", projectId).executeTakeFirst();
      throw new SaveRefused(
        still
          ? "Someone else has saved this project since you opened this page. Check the project as it is now before you remove it."
          : PROJECT_REMOVED_MESSAGE,
      );
    }
  });
}
