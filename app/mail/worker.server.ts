import type { DB } from "../../db/connection";
import { deliverPendingEmails } from "~/data/outbox.server";
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
