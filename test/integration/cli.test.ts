import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { sqlitePathFromUrl } from "../../db/connection";
import backup from "../../scripts/commands/backup";
import { dispatch } from "../../scripts/commands/dispatch";
import { commands } from "../../scripts/commands/index";
import remind from "../../scripts/commands/remind";
import { makeBorough } from "./proposal-factory";
import { useTestDatabase } from "./setup-db";

useTestDatabase();

const run = promisify(execFile);
const folder = mkdtempSync(join(tmpdir(), "lcpf-cli-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Collects what a command prints, instead of the console. */
function recorder() {
  const lines: string[] = [];
  return { lines, out: { log: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } };
}

/** Rows in every table of a SQLite file, by table name. */
function rowCounts(path: string): Record<string, number> & { notifications: number; email_outbox: number } {
  const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string }[];
    const counts = Object.fromEntries(
      tables.map(({ name }) => [
        name,
        (sqlite.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n,
      ]),
    );
    return { notifications: 0, email_outbox: 0, ...counts };
  } finally {
    sqlite.close();
  }
}

const livePath = () => sqlitePathFromUrl(process.env.DATABASE_URL!);

describe("the command line", () => {
  it("lists its commands for help, or no command at all", async () => {
    for (const argv of [["help"], []]) {
      const { lines, out } = recorder();
      expect(await dispatch(argv, commands, out)).toBe(0);
      const help = lines.join("\n");
      for (const name of ["create-admin", "invite-users", "backup", "remind", "help"])
        expect(help).toMatch(new RegExp(`^  ${name}[ :]`, "m"));
      expect(help).toContain("npm run cli -- <command>");
      expect(help).toContain("node build/node/cli.js");
    }
  });

  it("refuses an unknown command with exit code 2, naming it and listing the real ones", async () => {
    const { lines, out } = recorder();
    expect(await dispatch(["restore-everything"], commands, out)).toBe(2);
    expect(lines.join("\n")).toContain('There is no command "restore-everything"');
    expect(lines.join("\n")).toContain("backup");
  });

  it("answers 1 when a command throws, with its message", async () => {
    const { lines, out } = recorder();
    const failing = { name: "boom", describe: "fails", run: () => Promise.reject(new Error("disk full")) };
    expect(await dispatch(["boom"], [failing], out)).toBe(1);
    expect(lines).toEqual(["boom failed: disk full"]);
  });

  it("runs as a process: `npm run cli -- nope` exits non-zero, listing the commands", async () => {
    const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
    const unknown = await run(tsx, ["scripts/cli.ts", "nope"]).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no command "nope"');
    expect(unknown.stderr).toMatch(/^ {2}backup /m);
    expect(unknown.stderr).toMatch(/^ {2}remind /m);
  }, 30_000);
});

describe("the first set-up", () => {
  it("create-admin works on a database the portal has never opened: it migrates and loads the reference data first", async () => {
    const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
    const file = join(folder, "first-setup.sqlite");
    const { stdout } = await run(tsx, ["scripts/cli.ts", "create-admin", "ada@example.gov.uk", "Ada Admin"], {
      env: { ...process.env, DATABASE_URL: `file:${file}`, DEMO_ACCOUNTS: "false", OUTBOX_DIR: join(folder, "out") },
    });
    expect(stdout).toContain("Invited Ada Admin <ada@example.gov.uk> as a MOPAC admin");
    const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
    try {
      const admin = sqlite
        .prepare(
          "select u.role, o.kind from users u join organisations o on o.id = u.organisation_id where u.email = ?",
        )
        .get("ada@example.gov.uk");
      expect(admin).toEqual({ role: "mopac_admin", kind: "mopac" });
      expect(
        (sqlite.prepare("select count(*) as n from organisations where kind = 'borough'").get() as { n: number }).n,
      ).toBe(32);
    } finally {
      sqlite.close();
    }
  }, 60_000);

  it("a command that works on the portal's tables is run after the preparation; one that does not, without it", async () => {
    const order: string[] = [];
    const prepare = async () => void order.push("prepare");
    const tables = { name: "tables", describe: "t", usesSchema: true, run: async () => (order.push("tables"), 0) };
    const plain = { name: "plain", describe: "p", run: async () => (order.push("plain"), 0) };
    const { out } = recorder();
    await dispatch(["tables"], [tables, plain], out, prepare);
    await dispatch(["plain"], [tables, plain], out, prepare);
    expect(order).toEqual(["prepare", "tables", "plain"]);
  });
});

describe("remind", () => {
  it("runs the check once at the time given, and a second run sends nothing more", async () => {
    const borough = await makeBorough();
    const officerReminders = () =>
      db().selectFrom("reminders").select("kind").where("recipient_user_id", "=", borough.officer.id).execute();
    expect(await remind.run(["--now=2016-12-20T09:00:00Z"])).toBe(0);
    expect(await remind.run(["--now=2016-12-20T09:05:00Z"])).toBe(0);
    expect(await officerReminders()).toEqual([{ kind: "deadline_3_days" }]);
  });

  it("refuses a time it cannot read, and arguments it does not know", async () => {
    expect(await remind.run(["--now=the day before Christmas"])).toBe(2);
    expect(await remind.run(["--later"])).toBe(2);
  });
});

describe("backup", () => {
  it("makes a file that opens as a database with the same rows as the live one", async () => {
    const target = join(folder, "quiet.sqlite");
    expect(await backup.run([target])).toBe(0);
    const copy = rowCounts(target);
    expect(copy).toEqual(rowCounts(livePath()));
    expect(copy.users).toBeGreaterThan(0);
    expect(copy.organisations).toBeGreaterThanOrEqual(33);
    // One self-contained file: nothing beside it that a restore would have to carry.
    expect(existsSync(`${target}-wal`)).toBe(false);
  });

  it("is consistent while the database is being written: every pair written together is in it, or neither", async () => {
    const before = rowCounts(livePath());
    // Another connection, as the running portal would be, writing a notification and its email together.
    const writer = new SQLite(livePath());
    writer.pragma("busy_timeout = 5000");
    const user = writer.prepare("select id from users order by id limit 1").get() as { id: number };
    const notify = writer.prepare(
      "insert into notifications (user_id, proposal_id, message, link, read_at, created_at) values (?, null, 'Backup test', null, null, ?)",
    );
    const email = writer.prepare(
      "insert into email_outbox (to_address, subject, body_text, attempts, last_error, next_attempt_at, sent_at, created_at, updated_at) values ('backup@test.example', 'Backup test', 'x', 0, null, ?, null, ?, ?)",
    );
    const writePair = writer.transaction((stamp: string) => {
      notify.run(user.id, stamp);
      email.run(stamp, stamp, stamp);
    });
    let writing = true;
    let pairsWritten = 0;
    let pairsDuringBackup = 0;
    let backingUp = false;
    const writes = (async () => {
      while (writing) {
        writePair(new Date().toISOString());
        pairsWritten += 1;
        if (backingUp) pairsDuringBackup += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Some writes land before the backup starts, so it copies a database that is changing.
    while (pairsWritten < 20) await new Promise((resolve) => setImmediate(resolve));

    const target = join(folder, "busy.sqlite");
    backingUp = true;
    const code = await backup.run([target]);
    backingUp = false;
    writing = false;
    await writes;
    const after = rowCounts(livePath());
    writer.close();

    expect(code).toBe(0);
    expect(pairsDuringBackup).toBeGreaterThan(0);
    const copy = rowCounts(target);
    const notificationsCopied = copy.notifications - before.notifications;
    const emailsCopied = copy.email_outbox - before.email_outbox;
    expect(notificationsCopied).toBe(emailsCopied);
    expect(notificationsCopied).toBeGreaterThanOrEqual(20);
    expect(copy.notifications).toBeLessThanOrEqual(after.notifications);
    const untouched = (counts: Record<string, number>) => {
      const { notifications: _n, email_outbox: _e, ...rest } = counts;
      return rest;
    };
    expect(untouched(copy)).toEqual(untouched(after));
  });

  it("refuses to overwrite a file, and says how it is used", async () => {
    const taken = join(folder, "taken.sqlite");
    writeFileSync(taken, "not a backup");
    expect(await backup.run([taken])).toBe(1);
    expect(await backup.run([])).toBe(2);
    expect(await backup.run([join(folder, "no-such-folder", "x.sqlite")])).toBe(1);
  });
});
