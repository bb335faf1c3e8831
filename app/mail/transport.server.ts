import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import type { DB } from "../../db/connection";
import { config } from "../config.server";
import { deliverPendingEmails } from "~/data/outbox.server";

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

/** Keeps one SMTP send well inside the outbox's five-minute claim, so no other sender takes it over. */
const SMTP_TIMEOUTS = { connectionTimeout: 60_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ ...SMTP_TIMEOUTS, url });
  return {
    async send(message) {
      await transporter.sendMail(message);
    },
  };
}

/** Keeps the file name to characters every file system accepts. */
function safeFilePart(value: string): string {
  return value.replace(/[^A-Za-z0-9._@-]+/g, "_").slice(0, 80);
}

/**
 * Writes each email as an RFC 822 `.eml` file, so development and demo machines need no mail server
 * and the files open in any mail client.
 */
export function createFileTransport(dir: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    async send(message) {
      const info = await transporter.sendMail(message);
      await mkdir(dir, { recursive: true });
      const name = `${new Date().toISOString().replaceAll(":", "-")}-${safeFilePart(message.to)}-${randomBytes(3).toString("hex")}.eml`;
      await writeFile(join(dir, name), info.message);
    },
  };
}

/** SMTP when SMTP_URL is set; otherwise `.eml` files in OUTBOX_DIR. */
export function createTransport(): MailTransport {
  const url = config.smtpUrl;
  return url ? smtpTransport(url) : createFileTransport(config.outboxDir);
}

/** Retries what failed and sends what was missed; the timer does not keep the process alive. */
export function startOutboxWorker(db: DB, transport: MailTransport, intervalMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    // A slow SMTP server must not pile up overlapping runs.
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

let sharedTransport: MailTransport | undefined;

/**
 * Sends what is due straight after a commit, without making the request wait for it or fail with it.
 * The promise is returned only so tests can wait for it; it never rejects.
 */
export function sendPendingSoon(db: DB): Promise<void> {
  return (async () => {
    sharedTransport ??= createTransport();
    await deliverPendingEmails(db, sharedTransport);
  })().catch((error: unknown) => {
    console.error("Outbox delivery failed:", error);
  });
}
