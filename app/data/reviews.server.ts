import { sql } from "kysely";
import { penceFromSum } from "~/domain/money";
import type { DB } from "../../db/connection";
import { prepared } from "../../db/prepared";
import type { ProposalStatus } from "../../db/schema";

export type QueueFilters = {
  assignedTo: number | null;
  status: ProposalStatus | null;
  boroughId: number | null;
  priorityId: number | null;
};

export type QueueRow = {
  id: number;
  status: ProposalStatus;
  boroughNames: string;
  periodName: string;
  feedbackDeadline: string | null;
  proposalDeadline: string | null;
  firstSubmittedAt: string | null;
  lastSubmittedAt: string | null;
  assignedReviewerName: string | null;
  totalPence: number;
};

/** Proposals that have reached MOPAC, newest submission first, filtered as the reviewer asks. */
export async function reviewQueue(db: DB, filters: QueueFilters): Promise<QueueRow[]> {
  let query = db
    .selectFrom("proposals as p")
    .innerJoin("funding_periods as fp", "fp.id", "p.funding_period_id")
    .innerJoin("funding_rounds as r", "r.id", "fp.funding_round_id")
    .leftJoin("users as rv", "rv.id", "p.assigned_reviewer_id")
    .select((eb) => [
      "p.id",
      "p.status",
      "fp.name as periodName",
      "r.feedback_deadline as feedbackDeadline",
      "r.proposal_deadline as proposalDeadline",
      "p.first_submitted_at as firstSubmittedAt",
      "p.last_submitted_at as lastSubmittedAt",
      "rv.name as assignedReviewerName",
      eb
        .selectFrom("proposal_boroughs as pb")
        .innerJoin("organisations as o", "o.id", "pb.organisation_id")
        .select(sql<string>`string_agg(o.name, ',' order by o.name)`.as("names"))
        .whereRef("pb.proposal_id", "=", "p.id")
        .as("boroughNames"),
      eb
        .selectFrom("project_costs as c")
        .innerJoin("projects as pr", "pr.id", "c.project_id")
        .select((inner) => inner.fn.coalesce(inner.fn.sum<number>("c.lcpf_pence"), inner.lit(0)).as("total"))
        .whereRef("pr.proposal_id", "=", "p.id")
        .as("totalPence"),
    ])
    .where("p.first_submitted_at", "is not", null);
  if (filters.assignedTo !== null) query = query.where("p.assigned_reviewer_id", "=", filters.assignedTo);
  if (filters.status !== null) query = query.where("p.status", "=", filters.status);
  if (filters.boroughId !== null) {
    const boroughId = filters.boroughId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom("proposal_boroughs as fb").select("fb.proposal_id").whereRef("fb.proposal_id", "=", "p.id").where("fb.organisation_id", "=", boroughId)),
    );
  }
  if (filters.priorityId !== null) {
    const priorityId = filters.priorityId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom("projects as fpr").select("fpr.id").whereRef("fpr.proposal_id", "=", "p.id").where("fpr.primary_priority_id", "=", priorityId)),
    );
  }
  const rows = await query.orderBy("p.last_submitted_at", "desc").execute();
  return rows.map((row) => ({ ...row, boroughNames: row.boroughNames ?? "", totalPence: penceFromSum(row.totalPence, "Planned spend") }));
}

/** The MOPAC reviewers a review may be given to, by name. */
export const activeReviewers = prepared((db: DB) =>
  db.selectFrom("users").select(["id", "name"]).where("role", "=", "mopac_reviewer").where("active", "=", 1).orderBy("name"),
);

/** Every borough, by name. */
export const boroughList = prepared((db: DB) =>
  db.selectFrom("organisations").select(["id", "name"]).where("kind", "=", "borough").orderBy("name"),
);
