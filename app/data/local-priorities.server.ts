import { type DB, inTransaction } from "../../db/connection";

/**
 * Each borough's two to four local priorities, agreed between MOPAC, the council and the police (the
 * CSP report, section 6.2). A project of the borough can name them among its measures of success.
 */

export type LocalPriority = { id: number; name: string };
export type BoroughLocalPriorities = { boroughId: number; boroughName: string; priorities: LocalPriority[] };

/** Every borough with its local priorities in order, in one query. */
export async function localPrioritiesByBorough(db: DB): Promise<BoroughLocalPriorities[]> {
  const rows = await db
    .selectFrom("organisations as o")
    .leftJoin("local_priorities as lp", "lp.organisation_id", "o.id")
    .select(["o.id as boroughId", "o.name as boroughName", "lp.id", "lp.name"])
    .where("o.kind", "=", "borough")
    .orderBy("o.name")
    .orderBy("lp.position")
    .execute();
  const byBorough = new Map<number, BoroughLocalPriorities>();
  for (const row of rows) {
    const borough = byBorough.get(row.boroughId) ?? { boroughId: row.boroughId, boroughName: row.boroughName, priorities: [] };
    if (row.id !== null && row.name !== null) borough.priorities.push({ id: row.id, name: row.name });
    byBorough.set(row.boroughId, borough);
  }
  return [...byBorough.values()];
}

/** The local priorities of the boroughs given (a joint proposal's projects may name any member's). */
export async function localPrioritiesOf(db: DB, boroughIds: readonly number[]): Promise<(LocalPriority & { boroughName: string })[]> {
  if (boroughIds.length === 0) return [];
  return db
    .selectFrom("local_priorities as lp")
    .innerJoin("organisations as o", "o.id", "lp.organisation_id")
    .select(["lp.id", "lp.name", "o.name as boroughName"])
    .where("lp.organisation_id", "in", [...boroughIds])
    .orderBy("o.name")
    .orderBy("lp.position")
    .execute();
}

/**
 * Records a borough's local priorities in the order given. A priority keeps its place (and the projects
 * that name it) when renamed; one removed is removed from the projects that named it.
 */
export async function saveLocalPriorities(db: DB, boroughId: number, names: readonly string[]): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const borough = await tx.selectFrom("organisations").select("id").where("id", "=", boroughId).where("kind", "=", "borough").executeTakeFirst();
    if (!borough) return false;
    const current = await tx.selectFrom("local_priorities").select(["id", "position"]).where("organisation_id", "=", boroughId).orderBy("position").execute();
    const now = new Date().toISOString();
    for (const [index, name] of names.entries()) {
      const existing = current[index];
      if (existing) {
        await tx.updateTable("local_priorities").set({ name, position: index + 1, updated_at: now }).where("id", "=", existing.id).execute();
      } else {
        await tx
          .insertInto("local_priorities")
          .values({ organisation_id: boroughId, name, position: index + 1, created_at: now, updated_at: now })
          .execute();
      }
    }
    const removed = current.slice(names.length).map((p) => p.id);
    if (removed.length) await tx.deleteFrom("local_priorities").where("id", "in", removed).execute();
    return true;
  });
}
