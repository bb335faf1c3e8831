import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { config } from "../config.server";
import type { MailMessage, MailTransport } from "./message";

export type { MailMessage, MailTransport } from "./message";

/** Keeps one SMTP send well inside the outbox's five-minute claim, so no other sender takes it over. */
const SMTP_TIMEOUTS = { connectionTimeout: 60_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

const withSender = (message: MailMessage) => ({ from: config.mailFrom, ...message });

function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ ...SMTP_TIMEOUTS, url });
  return {
    async send(message) {
      await transporter.sendMail(withSender(message));
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
      const info = await transporter.sendMail(withSender(message));
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
