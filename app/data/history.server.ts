import type { DB } from "../../db/connection";
import { prepared } from "../../db/prepared";
import { compareSnapshots, type ProposalChanges, type Snapshot } from "~/domain/changes";

export type HistoryEntry = {
  id: number;
  action: string;
  fromStatus: string;
  toStatus: string;
  comment: string | null;
  projectId: number | null;
  projectTitle: string | null;
  meetingDate: string | null;
  actorName: string | null;
  actorOrganisation: string | null;
  assignedReviewerName: string | null;
  createdAt: string;
};

/** A proposal's events, oldest first, with who took each step and whom it was assigned to. */
const proposalEvents = prepared((db: DB, proposalId: number) =>
  db
    .selectFrom("proposal_events as e")
    .leftJoin("users as u", "u.id", "e.actor_user_id")
    .leftJoin("organisations as o", "o.id", "u.organisation_id")
    .leftJoin("users as r", "r.id", "e.assigned_reviewer_id")
    .select([
      "e.id",
      "e.action",
      "e.from_status",
      "e.to_status",
      "e.comment",
      "e.project_id",
      "e.project_title",
      "e.meeting_date",
      "e.created_at",
      "u.name as actorName",
      "o.name as actorOrganisation",
      "r.name as reviewerName",
    ])
    .where("e.proposal_id", "=", proposalId)
    .orderBy("e.id"),
);

/** The proposal's history, oldest first: every transition and comment, with who and when. */
export async function proposalHistory(db: DB, proposalId: number): Promise<HistoryEntry[]> {
  const rows = await proposalEvents(db, proposalId);
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    comment: row.comment,
    projectId: row.project_id,
    projectTitle: row.project_title,
    meetingDate: row.meeting_date,
    actorName: row.actorName,
    actorOrganisation: row.actorOrganisation,
    assignedReviewerName: row.reviewerName,
    createdAt: row.created_at,
  }));
}

/** MOPAC's comments on each project, newest first, for showing next to the project. */
export function feedbackByProject(history: readonly HistoryEntry[]): Map<number, HistoryEntry[]> {
  const byProject = new Map<number, HistoryEntry[]>();
  for (const entry of [...history].reverse()) {
    if (entry.action !== "comment" || entry.projectId === null) continue;
    byProject.set(entry.projectId, [...(byProject.get(entry.projectId) ?? []), entry]);
  }
  return byProject;
}

/** The two latest snapshots of a proposal (one taken at each submission to MOPAC), newest first. */
const lastTwoSnapshots = prepared((db: DB, proposalId: number) =>
  db.selectFrom("proposal_snapshots").select("snapshot").where("proposal_id", "=", proposalId).orderBy("id", "desc").limit(2),
);

/** What changed between the last two submissions to MOPAC, or null before a resubmission. */
export async function changesSinceLastSubmission(db: DB, proposalId: number): Promise<ProposalChanges | null> {
  const [latest, previous] = await lastTwoSnapshots(db, proposalId);
  if (!latest || !previous) return null;
  return compareSnapshots(JSON.parse(previous.snapshot) as Snapshot, JSON.parse(latest.snapshot) as Snapshot);
}
