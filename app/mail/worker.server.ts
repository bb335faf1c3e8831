import type { DB } from "../../db/connection";
import { deliverPendingEmails } from "~/data/outbox.server";
import { runReminderCheck } from "~/data/reminders.server";
import type { MailTransport } from "./message";

/**
 * How often the worker looks for due emails. Requests only queue emails, so this is how long a
 * person waits at most for theirs; an empty outbox costs one indexed SELECT.
 */
export const OUTBOX_POLL_MS = 1_000;

/**
 * Sends what the outbox holds, off the request path: the only place emails leave the portal. Several
 * workers (several instances) may run at once; the outbox's compare-and-set claim sends each email once.
 * The timer does not keep the process alive. Returns a function that stops it.
 */
export function startOutboxWorker(db: DB, transport: MailTransport, intervalMs = OUTBOX_POLL_MS): () => void {
  let running = false;
  const timer = setInterval(() => {
    // A slow SMTP server must not pile up overlapping runs in this process.
    if (running) return;
    running = true;
    deliverPendingEmails(db, transport)
      .catch((error: unknown) => console.error("Outbox delivery failed:", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** How often the worker looks for reminders that have fallen due: they are counted in days, so a minute is plenty. */
export const REMINDER_CHECK_MS = 60_000;

/**
 * Checks for due reminders (app/data/reminders.server.ts) once at start and then every `intervalMs`,
 * writing their notifications and queuing their emails for the outbox worker. Several instances may run
 * it at once: each reminder to each person is claimed in the database and sent once. The timer does not
 * keep the process alive. Returns a function that stops it.
 */
export function startReminderWorker(db: DB, intervalMs = REMINDER_CHECK_MS): () => void {
  let running = false;
  const check = () => {
    if (running) return;
    running = true;
    runReminderCheck(db)
      .catch((error: unknown) => console.error("Reminder check failed:", error))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(check, 0);
  const timer = setInterval(check, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
