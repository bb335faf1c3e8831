import type { DB } from "../../db/connection";
import { decoyPasswordHash, verifyPassword } from "./password.server";

// After this many wrong passwords in a row for one email address, that address is locked for a while.
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCK_MINUTES = 15;

export type SignInResult =
  | { ok: true; userId: number }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutesLeft: number };

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks an email and password. Throttling is keyed on the address typed, whether or not an
 * account has it, so a locked message never tells anyone which addresses exist.
 */
export async function attemptSignIn(db: DB, emailTyped: string, password: string, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(emailTyped);
  const throttle = await db.selectFrom("sign_in_throttle").selectAll().where("email", "=", email).executeTakeFirst();
  if (throttle?.locked_until && new Date(throttle.locked_until) > now) {
    const minutesLeft = Math.ceil((new Date(throttle.locked_until).getTime() - now.getTime()) / 60000);
    return { ok: false, reason: "locked", minutesLeft };
  }

  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash", "active"])
    .where("email", "=", email)
    .executeTakeFirst();
  const passwordMatches = await verifyPassword(user?.password_hash ?? (await decoyPasswordHash()), password);

  if (user && user.active && passwordMatches) {
    await db.deleteFrom("sign_in_throttle").where("email", "=", email).execute();
    return { ok: true, userId: user.id };
  }

  const failedAttempts = (throttle?.locked_until ? 0 : (throttle?.failed_attempts ?? 0)) + 1;
  const lockedUntil =
    failedAttempts >= MAX_FAILED_ATTEMPTS ? new Date(now.getTime() + LOCK_MINUTES * 60000).toISOString() : null;
  const stamp = now.toISOString();
  await db
    .insertInto("sign_in_throttle")
    .values({ email, failed_attempts: failedAttempts, locked_until: lockedUntil, created_at: stamp, updated_at: stamp })
    .onConflict((oc) =>
      oc.column("email").doUpdateSet({ failed_attempts: failedAttempts, locked_until: lockedUntil, updated_at: stamp }),
    )
    .execute();
  if (lockedUntil) return { ok: false, reason: "locked", minutesLeft: LOCK_MINUTES };
  return { ok: false, reason: "invalid" };
}
