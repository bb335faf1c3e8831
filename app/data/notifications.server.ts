import type { DB } from "../../db/connection";

export async function unreadCount(db: DB, userId: number): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

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
