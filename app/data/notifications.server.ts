import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/connection";
import { prepared } from "../../db/prepared";
import type { Database } from "../../db/schema";

export async function unreadCount(db: DB, userId: number): Promise<number> {
  const [row] = await unreadNotifications(db, userId);
  return Number(row!.n);
}

const unreadNotifications = prepared((db: DB, userId: number) =>
  db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null),
);

export async function notificationsFor(db: DB, userId: number, limit = 100) {
  return db
    .selectFrom("notifications")
    .select(["id", "message", "link", "read_at", "created_at"])
    .where("user_id", "=", userId)
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

export async function markAllRead(db: DB, userId: number, now = new Date()): Promise<void> {
  await db.updateTable("notifications").set({ read_at: now.toISOString() }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

/** Tells one person in the portal. Call it inside the transaction that makes the change it tells of. */
export async function addNotification(
  tx: Kysely<Database> | Transaction<Database>,
  notice: { userId: number; proposalId: number | null; message: string; link: string | null },
  now = new Date(),
): Promise<void> {
  await tx
    .insertInto("notifications")
    .values({
      user_id: notice.userId,
      proposal_id: notice.proposalId,
      message: notice.message,
      link: notice.link,
      read_at: null,
      created_at: now.toISOString(),
    })
    .execute();
}
