import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { config } from "~/config.server";
import { backoffMinutes, deliverPendingEmails, enqueueEmail, MAX_ATTEMPTS } from "~/data/outbox.server";
import { db } from "~/db.server";
import { createTransport, type MailMessage, type MailTransport } from "~/mail/transport.server";
import { startOutboxWorker } from "~/mail/worker.server";
import { useTestDatabase } from "./setup-db";

useTestDatabase({ demo: false });

/** Our own transport interface, recorded in memory; `fail` decides per call whether to throw. */
function recordingTransport(fail: (call: number) => Error | undefined = () => undefined) {
  const sent: MailMessage[] = [];
  let calls = 0;
  const transport: MailTransport = {
    async send(message) {
      calls += 1;
      const error = fail(calls);
      if (error) throw error;
      sent.push(message);
    },
  };
  return { transport, sent, calls: () => calls };
}

const feedbackDay = new Date("2017-02-23T09:00:00.000Z");
const minutesAfter = (start: Date, minutes: number) => new Date(start.getTime() + minutes * 60_000);

async function outboxRows() {
  return db().selectFrom("email_outbox").selectAll().orderBy("id").execute();
}

beforeEach(async () => {
  await db().deleteFrom("email_outbox").execute();
});

describe("enqueueEmail", () => {
  it("leaves no email behind when the transaction it was written in rolls back", async () => {
    await expect(
      db()
        .transaction()
        .execute(async (tx) => {
          await enqueueEmail(tx, {
            to: "officer@barking-dagenham.example",
            subject: "Proposal returned",
            text: "Returned.",
          });
          throw new Error("the change failed");
        }),
    ).rejects.toThrow("the change failed");
    expect(await outboxRows()).toHaveLength(0);
  });

  it("queues the email when the transaction commits, due at once", async () => {
    await db()
      .transaction()
      .execute((tx) =>
        enqueueEmail(tx, { to: "reviewer@mopac.example", subject: "Submitted", text: "Body" }, feedbackDay),
      );
    const [row, ...rest] = await outboxRows();
    expect(rest).toHaveLength(0);
    expect(row).toMatchObject({
      to_address: "reviewer@mopac.example",
      subject: "Submitted",
      body_text: "Body",
      attempts: 0,
      sent_at: null,
      next_attempt_at: feedbackDay.toISOString(),
    });
  });
});

describe("deliverPendingEmails", () => {
  it("sends a queued email once and marks it sent", async () => {
    await enqueueEmail(
      db(),
      { to: "reviewer@mopac.example", subject: "A proposal is waiting", text: "Please review it." },
      feedbackDay,
    );
    const mail = recordingTransport();

    expect(await deliverPendingEmails(db(), mail.transport, feedbackDay)).toEqual({ sent: 1, failed: 0 });
    expect(mail.sent).toEqual([
      { to: "reviewer@mopac.example", subject: "A proposal is waiting", text: "Please review it." },
    ]);
    const [row] = await outboxRows();
    expect(row?.sent_at).toBe(feedbackDay.toISOString());

    expect(await deliverPendingEmails(db(), mail.transport, minutesAfter(feedbackDay, 24 * 60))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(mail.sent).toHaveLength(1);
  });

  it("does not send an email before its time", async () => {
    await enqueueEmail(
      db(),
      { to: "later@mopac.example", subject: "Later", text: "Later" },
      minutesAfter(feedbackDay, 10),
    );
    const mail = recordingTransport();
    expect(await deliverPendingEmails(db(), mail.transport, feedbackDay)).toEqual({ sent: 0, failed: 0 });
    expect(mail.calls()).toBe(0);
  });

  it("sends oldest first and no more than the limit", async () => {
    for (const n of [1, 2, 3])
      await enqueueEmail(db(), { to: `csp${n}@example.org`, subject: `Email ${n}`, text: "x" }, feedbackDay);
    const mail = recordingTransport();
    expect(await deliverPendingEmails(db(), mail.transport, feedbackDay, 2)).toEqual({ sent: 2, failed: 0 });
    expect(mail.sent.map((m) => m.to)).toEqual(["csp1@example.org", "csp2@example.org"]);
  });

  it("retries a failing email only after its backoff: fails twice, then succeeds with attempts 2", async () => {
    await enqueueEmail(
      db(),
      { to: "officer@barking-dagenham.example", subject: "Changes requested", text: "See feedback." },
      feedbackDay,
    );
    const mail = recordingTransport((call) => (call <= 2 ? new Error(`421 try again later (${call})`) : undefined));

    expect(await deliverPendingEmails(db(), mail.transport, feedbackDay)).toEqual({ sent: 0, failed: 1 });
    let [row] = await outboxRows();
    expect(row).toMatchObject({ attempts: 1, last_error: "421 try again later (1)", sent_at: null });
    expect(row?.next_attempt_at).toBe(minutesAfter(feedbackDay, 1).toISOString());

    // Within the first minute's backoff nothing is tried.
    expect(await deliverPendingEmails(db(), mail.transport, minutesAfter(feedbackDay, 0.5))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(mail.calls()).toBe(1);

    const secondTry = minutesAfter(feedbackDay, 1);
    expect(await deliverPendingEmails(db(), mail.transport, secondTry)).toEqual({ sent: 0, failed: 1 });
    [row] = await outboxRows();
    expect(row).toMatchObject({ attempts: 2, last_error: "421 try again later (2)" });
    expect(row?.next_attempt_at).toBe(minutesAfter(secondTry, 2).toISOString());

    expect(await deliverPendingEmails(db(), mail.transport, minutesAfter(secondTry, 1.9))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(mail.calls()).toBe(2);

    const thirdTry = minutesAfter(secondTry, 2);
    expect(await deliverPendingEmails(db(), mail.transport, thirdTry)).toEqual({ sent: 1, failed: 0 });
    [row] = await outboxRows();
    expect(row).toMatchObject({ attempts: 2, sent_at: thirdTry.toISOString() });
    expect(mail.sent).toHaveLength(1);
  });

  it("backs off 1, 2, 4, 8 ... minutes, never more than an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(backoffMinutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it(`stops retrying a dead address after ${MAX_ATTEMPTS} attempts and keeps the error, trimmed to 500 characters`, async () => {
    await enqueueEmail(db(), { to: "nobody@invalid.example", subject: "Approved", text: "Approved." }, feedbackDay);
    const mail = recordingTransport(() => new Error(`550 mailbox unavailable ${"x".repeat(600)}`));

    let now = feedbackDay;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      expect(await deliverPendingEmails(db(), mail.transport, now)).toEqual({ sent: 0, failed: 1 });
      now = minutesAfter(now, backoffMinutes(attempt));
    }
    const [row] = await outboxRows();
    expect(row?.attempts).toBe(MAX_ATTEMPTS);
    expect(row?.last_error).toHaveLength(500);
    expect(row?.last_error?.startsWith("550 mailbox unavailable")).toBe(true);
    expect(row?.next_attempt_at.slice(0, 4)).toBe("2117");

    expect(await deliverPendingEmails(db(), mail.transport, minutesAfter(now, 7 * 24 * 60))).toEqual({
      sent: 0,
      failed: 0,
    });
    expect(mail.calls()).toBe(MAX_ATTEMPTS);
  });

  it("sends each email exactly once when two deliveries run at the same time", async () => {
    const recipients = Array.from({ length: 8 }, (_, n) => `member${n}@csp.example`);
    for (const to of recipients) await enqueueEmail(db(), { to, subject: "Endorsed", text: "Endorsed." }, feedbackDay);
    const sent: string[] = [];
    const transport: MailTransport = {
      async send(message) {
        // Yield so the two deliveries interleave between claiming and sending.
        await new Promise((resolve) => setImmediate(resolve));
        sent.push(message.to);
      },
    };

    const results = await Promise.all([
      deliverPendingEmails(db(), transport, feedbackDay),
      deliverPendingEmails(db(), transport, feedbackDay),
    ]);
    expect(results.reduce((total, r) => total + r.sent, 0)).toBe(recipients.length);
    expect([...sent].sort()).toEqual([...recipients].sort());
    expect((await outboxRows()).every((row) => row.sent_at !== null)).toBe(true);
  });

  it("does not let a second delivery take an email the first is still sending, nor one it has since sent", async () => {
    for (const to of ["first@csp.example", "second@csp.example"])
      await enqueueEmail(db(), { to, subject: "Endorsed", text: "x" }, feedbackDay);
    const sent: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstSendStarted = new Promise<void>((resolve) => (started = resolve));
    const slow: MailTransport = {
      async send(message) {
        started();
        await released;
        sent.push(message.to);
      },
    };
    const quick: MailTransport = {
      async send(message) {
        sent.push(message.to);
      },
    };

    // The slow delivery has read both emails and claimed the first when the quick one runs.
    const slowRun = deliverPendingEmails(db(), slow, feedbackDay);
    await firstSendStarted;
    expect(await deliverPendingEmails(db(), quick, feedbackDay)).toEqual({ sent: 1, failed: 0 });
    release();
    expect(await slowRun).toEqual({ sent: 1, failed: 0 });
    expect(sent).toEqual(["second@csp.example", "first@csp.example"]);
  });
});

describe("file transport", () => {
  it("writes each email as an .eml file in OUTBOX_DIR with its To, Subject and body", async () => {
    delete process.env.SMTP_URL;
    const body = "Dear Officer,\n\nYour proposal for 2017-19 has been approved.";
    await enqueueEmail(db(), { to: "officer@barking-dagenham.example", subject: "Proposal approved", text: body });

    expect(await deliverPendingEmails(db(), createTransport())).toEqual({ sent: 1, failed: 0 });

    const files = await readdir(config.outboxDir);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z-officer@barking-dagenham\.example-[0-9a-f]{6}\.eml$/,
    );
    const eml = await readFile(join(config.outboxDir, file ?? ""), "utf8");
    expect(eml).toContain("To: officer@barking-dagenham.example");
    expect(eml).toContain("Subject: Proposal approved");
    expect(eml).toContain(`From: ${config.mailFrom}`);
    expect(eml).toContain("Your proposal for 2017-19 has been approved.");
  });

  it("the transport, not the queued email, sets the sender: always the portal's own address", async () => {
    delete process.env.SMTP_URL;
    await enqueueEmail(db(), {
      to: "csp.member@example.org",
      subject: "Awaiting endorsement",
      text: "Please endorse.",
    });
    const before = new Set(await readdir(config.outboxDir).catch(() => []));
    expect(await deliverPendingEmails(db(), createTransport())).toEqual({ sent: 1, failed: 0 });
    const [file] = (await readdir(config.outboxDir)).filter((name) => !before.has(name));
    const eml = await readFile(join(config.outboxDir, file ?? ""), "utf8");
    expect(eml).toContain(`From: ${config.mailFrom}`);
    expect(eml).toContain("To: csp.member@example.org");
  });
});

describe("the outbox worker", () => {
  it("sends what a change queued, within moments, without anyone asking", async () => {
    const mail = recordingTransport();
    const stop = startOutboxWorker(db(), mail.transport, 20);
    try {
      await enqueueEmail(db(), { to: "reviewer@mopac.example", subject: "Assigned", text: "Yours." });
      // Waits on the condition (polling), not on a guessed length of time.
      await vi.waitFor(() => expect(mail.sent.map((m) => m.to)).toEqual(["reviewer@mopac.example"]), {
        timeout: 5_000,
        interval: 20,
      });
      await vi.waitFor(async () => expect((await outboxRows())[0]?.sent_at).not.toBeNull(), {
        timeout: 5_000,
        interval: 20,
      });
    } finally {
      stop();
    }
  });

  it("two workers at once (two instances) send each email exactly once", async () => {
    const recipients = Array.from({ length: 6 }, (_, n) => `officer${n}@borough.example`);
    for (const to of recipients) await enqueueEmail(db(), { to, subject: "Approved", text: "Approved." });
    const sent: string[] = [];
    const transport: MailTransport = {
      async send(message) {
        await new Promise((resolve) => setImmediate(resolve));
        sent.push(message.to);
      },
    };
    const stops = [startOutboxWorker(db(), transport, 10), startOutboxWorker(db(), transport, 10)];
    try {
      await vi.waitFor(async () => expect((await outboxRows()).every((row) => row.sent_at !== null)).toBe(true), {
        timeout: 5_000,
        interval: 20,
      });
    } finally {
      for (const stop of stops) stop();
    }
    expect([...sent].sort()).toEqual([...recipients].sort());
  });
});
