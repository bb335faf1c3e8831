import type { Kysely } from "kysely";

/**
 * The review page reads a proposal's last two snapshots (what changed since MOPAC last saw it). Without
 * an index that read went through every proposal's snapshots, each a copy of a whole proposal, and the
 * table only grows: a snapshot is kept for every submission of every round.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex("proposal_snapshots_proposal")
    .on("proposal_snapshots")
    .columns(["proposal_id", "id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("proposal_snapshots_proposal").execute();
}
