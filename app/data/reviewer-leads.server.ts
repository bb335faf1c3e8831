import { type DB, inTransaction } from "../../db/connection";

/**
 * Each borough's lead MOPAC reviewer: routing (app/data/workflow.server.ts, app/domain/routing.ts) hands
 * the borough's submissions to them; a borough without one goes to the least busy active reviewer.
 */

export type Reviewer = { id: number; name: string; active: boolean };
export type BoroughLead = { boroughId: number; boroughName: string; reviewerId: number | null };

export async function reviewerLeads(db: DB): Promise<{ boroughs: BoroughLead[]; reviewers: Reviewer[] }> {
  const [boroughs, reviewers] = await Promise.all([
    db
      .selectFrom("organisations as o")
      .leftJoin("reviewer_leads as rl", "rl.organisation_id", "o.id")
      .select(["o.id", "o.name", "rl.reviewer_id"])
      .where("o.kind", "=", "borough")
      .orderBy("o.name")
      .execute(),
    db.selectFrom("users").select(["id", "name", "active"]).where("role", "=", "mopac_reviewer").orderBy("name").orderBy("id").execute(),
  ]);
  return {
    boroughs: boroughs.map((b) => ({ boroughId: b.id, boroughName: b.name, reviewerId: b.reviewer_id })),
    reviewers: reviewers.map((r) => ({ id: r.id, name: r.name, active: r.active === 1 })),
  };
}

/**
 * Which reviewers each borough's select may name: the active reviewers, and the borough's current lead
 * even if no longer active (so saving the page unchanged never fails on a lead nobody touched).
 */
export function allowedLeads(boroughs: readonly BoroughLead[], reviewers: readonly Reviewer[]): Map<number, number[]> {
  const active = reviewers.filter((r) => r.active).map((r) => r.id);
  return new Map(
    boroughs.map((b) => [b.boroughId, b.reviewerId !== null && !active.includes(b.reviewerId) ? [...active, b.reviewerId] : active]),
  );
}

/** Sets every borough's lead at once (null: none), in one transaction; returns how many changed. */
export async function saveReviewerLeads(db: DB, leads: ReadonlyMap<number, number | null>): Promise<number> {
  return inTransaction(db, async (tx) => {
    const current = await tx.selectFrom("reviewer_leads").select(["organisation_id", "reviewer_id"]).execute();
    const now = new Date().toISOString();
    let changed = 0;
    for (const [boroughId, reviewerId] of leads) {
      const before = current.find((c) => c.organisation_id === boroughId)?.reviewer_id ?? null;
      if (before === reviewerId) continue;
      changed += 1;
      if (reviewerId === null) {
        await tx.deleteFrom("reviewer_leads").where("organisation_id", "=", boroughId).execute();
      } else {
        await tx
          .insertInto("reviewer_leads")
          .values({ organisation_id: boroughId, reviewer_id: reviewerId, created_at: now, updated_at: now })
          .onConflict((oc) => oc.column("organisation_id").doUpdateSet({ reviewer_id: reviewerId, updated_at: now }))
          .execute();
      }
    }
    return changed;
  });
}
