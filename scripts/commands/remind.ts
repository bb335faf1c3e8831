import { config } from "../../app/config.server";
import { runReminderCheck } from "../../app/data/reminders.server";
import { createDatabase } from "../../db/connection";
import { EXIT, type Command } from "./command";

const remind: Command = {
  name: "remind",
  usesSchema: true,
  describe: "remind [--now=<ISO time>]: sends, once, the reminders due now (or at the time given).",
  async run(args) {
    let now = new Date();
    for (const arg of args) {
      const at = /^--now=(.+)$/.exec(arg)?.[1];
      if (at === undefined || Number.isNaN(Date.parse(at))) {
        console.error("Usage: remind [--now=<date and time, ISO 8601, e.g. 2016-12-09T09:00:00Z>]");
        return EXIT.usage;
      }
      now = new Date(at);
    }
    const db = createDatabase(config.databaseUrl);
    try {
      const { due, sent } = await runReminderCheck(db, now);
      console.log(
        `At ${now.toISOString()}: ${due} reminder${due === 1 ? "" : "s"} due, ${sent} sent now` +
          (due > sent ? ` (${due - sent} had been sent already)` : "") +
          ". Each is a notification in the portal and an email in the outbox, which the portal's worker sends.",
      );
      return EXIT.ok;
    } finally {
      await db.destroy();
    }
  },
};

export default remind;
