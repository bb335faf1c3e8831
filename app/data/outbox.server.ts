import type { Kysely, Transaction } from "kysely";
import type { DB } from "../../db/connection";
import type { Database } from "../../db/schema";
import type { MailMessage, MailTransport } from "~/mail/message";

/** How long a claimed email is hidden from other senders while this one tries it. */
const LEASE_MINUTES = 5;
const MAX_BACKOFF_MINUTES = 60;
/** After this many failures the address is taken to be dead and the email is parked, error kept. */
export const MAX_ATTEMPTS = 10;
const PARKED_YEARS = 100;
const ERROR_LENGTH = 500;

/**
 * Queues an email. Call it inside the transaction that makes the change the email tells of, so the
 * email exists exactly when the change committed.
 */
export async function enqueueEmail(
  tx: Kysely<Database> | Transaction<Database>,
  email: MailMessage,
  now = new Date(),
): Promise<void> {
  const stamp = now.toISOString();
  await tx
    .insertInto("email_outbox")
    .values({
      to_address: email.to,
      subject: email.subject,
      body_text: email.text,
      last_error: null,
      next_attempt_at: stamp,
      sent_at: null,
      created_at: stamp,
      updated_at: stamp,
    })
    .execute();
}

/** Minutes to wait after the given number of failed attempts: 1, 2, 4, 8 ... capped at an hour. */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0), MAX_BACKOFF_MINUTES);
}

function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, ERROR_LENGTH);
}

/**
 * Sends the emails that are due, oldest first. Safe to run from several places at once: each email
 * is claimed with a conditional UPDATE before it is sent, and only the caller whose UPDATE changed
 * the row sends it.
 */
export async function deliverPendingEmails(
  db: DB,
  transport: MailTransport,
  now = new Date(),
  limit = 50,
): Promise<{ sent: number; failed: number }> {
  const stamp = now.toISOString();
  const due = await db
    .selectFrom("email_outbox")
    .select(["id", "to_address", "subject", "body_text", "attempts", "next_attempt_at"])
    .where("sent_at", "is", null)
    .where("next_attempt_at", "<=", stamp)
    .orderBy("id")
    .limit(limit)
    .execute();

  let sent = 0;
  let failed = 0;
  for (const email of due) {
    // Compare-and-set on the value we read, so a second caller holding the same row loses the race.
    const claim = await db
      .updateTable("email_outbox")
      .set({ next_attempt_at: addMinutes(now, LEASE_MINUTES).toISOString(), updated_at: stamp })
      .where("id", "=", email.id)
      .where("sent_at", "is", null)
      .where("next_attempt_at", "=", email.next_attempt_at)
      .where("next_attempt_at", "<=", stamp)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;

    try {
      await transport.send({ to: email.to_address, subject: email.subject, text: email.body_text });
    } catch (error) {
      const attempts = email.attempts + 1;
      const retryAt =
        attempts >= MAX_ATTEMPTS
          ? new Date(new Date(now).setUTCFullYear(now.getUTCFullYear() + PARKED_YEARS))
          : addMinutes(now, backoffMinutes(attempts));
      await db
        .updateTable("email_outbox")
        .set({ attempts, last_error: errorMessage(error), next_attempt_at: retryAt.toISOString(), updated_at: stamp })
        .where("id", "=", email.id)
        .where("sent_at", "is", null)
        .execute();
      failed += 1;
      continue;
    }
    // If this write fails after a successful send, the lease runs out and the email goes again:
    // at least once is the right side to err on for a notification.
    await db.updateTable("email_outbox").set({ sent_at: stamp, updated_at: stamp }).where("id", "=", email.id).execute();
    sent += 1;
  }
  return { sent, failed };
}
