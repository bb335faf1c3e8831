import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { findPostgresTool } from "../../db/backup";
import { createDatabase, sqlitePathFromUrl } from "../../db/connection";
import backup from "../../scripts/commands/backup";
import { dispatch } from "../../scripts/commands/dispatch";
import { commands } from "../../scripts/commands/index";
import remind from "../../scripts/commands/remind";
import { makeBorough } from "./proposal-factory";
import { createPostgresDatabase } from "../support/postgres";
import { testDialect, useTestDatabase } from "./setup-db";

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

/** Every table's count but the two the consistency tests write to. */
function untouched(counts: Record<string, number>): Record<string, number> {
  const { notifications: _n, email_outbox: _e, ...rest } = counts;
  return rest;
}

/** Rows in every table of a PostgreSQL database, by table name. */
async function postgresRowCounts(
  url: string,
): Promise<Record<string, number> & { notifications: number; email_outbox: number }> {
  const pg = createDatabase(url, { poolSize: 1, ssl: "off" });
  try {
    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables
      where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(pg);
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(pg);
      counts[name] = rows[0]!.n;
    }
    return { notifications: 0, email_outbox: 0, ...counts };
  } finally {
    await pg.destroy();
  }
}

/** Restores a pg_dump custom-format file into a new database on the test server; gives its URL and how to drop it. */
async function restoreIntoFreshDatabase(dumpFile: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const fresh = await createPostgresDatabase(process.env.TEST_DATABASE_URL!);
  try {
    await run(findPostgresTool("pg_restore"), ["--no-owner", "--exit-on-error", `--dbname=${fresh.url}`, dumpFile]);
  } catch (error) {
    await fresh.drop();
    throw error;
  }
  return fresh;
}

/** What a command prints to the console while it runs, and its exit code. */
async function printed(work: () => Promise<number>): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void lines.push(args.join(" ")));
  try {
    return { code: await work(), output: lines.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

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
  it.skipIf(testDialect !== "sqlite")(
    "makes a file that opens as a database with the same rows as the live one",
    async () => {
      const target = join(folder, "quiet.sqlite");
      expect(await backup.run([target])).toBe(0);
      const copy = rowCounts(target);
      expect(copy).toEqual(rowCounts(livePath()));
      expect(copy.users).toBeGreaterThan(0);
      expect(copy.organisations).toBeGreaterThanOrEqual(33);
      // One self-contained file: nothing beside it that a restore would have to carry.
      expect(existsSync(`${target}-wal`)).toBe(false);
    },
  );

  it.skipIf(testDialect !== "sqlite")(
    "is consistent while the database is being written: every pair written together is in it, or neither",
    async () => {
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
      expect(untouched(copy)).toEqual(untouched(after));
    },
  );

  it("refuses to overwrite a file, and says how it is used", async () => {
    const taken = join(folder, "taken.sqlite");
    writeFileSync(taken, "not a backup");
    expect(await backup.run([taken])).toBe(1);
    expect(await backup.run([])).toBe(2);
    expect(await backup.run([join(folder, "no-such-folder", "x.sqlite")])).toBe(1);
  });

  it.skipIf(testDialect !== "postgres")(
    "on PostgreSQL makes a pg_dump file that restores into a new database with the same rows as the live one",
    async () => {
      const target = join(folder, "quiet.dump");
      const { code, output } = await printed(() => backup.run([target]));
      expect(code).toBe(0);
      expect(output).toMatch(
        /pg_dump --format=custom \(one snapshot\): \d+ tables, [\d.]+ MB, checked with pg_restore --list, in \d+ ms/,
      );
      expect(readdirSync(folder).filter((name) => name.includes(".partial-"))).toEqual([]);
      const restored = await restoreIntoFreshDatabase(target);
      try {
        const copy = await postgresRowCounts(restored.url);
        expect(copy).toEqual(await postgresRowCounts(process.env.DATABASE_URL!));
        expect(copy.users).toBeGreaterThan(0);
        expect(copy.organisations).toBeGreaterThanOrEqual(33);
        expect(copy.kysely_migration).toBeGreaterThan(0);
        expect(Number(/(\d+) tables/.exec(output)![1])).toBe(Object.keys(copy).length);
      } finally {
        await restored.drop();
      }
    },
    60_000,
  );

  it.skipIf(testDialect !== "postgres")(
    "on PostgreSQL is consistent while the database is being written: every pair written together is in it, or neither",
    async () => {
      const live = process.env.DATABASE_URL!;
      const before = await postgresRowCounts(live);
      // Another pool, as another instance of the portal would be, writing a notification and its email together.
      const writer = createDatabase(live, { poolSize: 1, ssl: "off" });
      const user = await writer.selectFrom("users").select("id").orderBy("id").limit(1).executeTakeFirstOrThrow();
      const writePair = (stamp: string) =>
        writer.transaction().execute(async (tx) => {
          await tx
            .insertInto("notifications")
            .values({
              user_id: user.id,
              proposal_id: null,
              message: "Backup test",
              link: null,
              read_at: null,
              created_at: stamp,
            })
            .execute();
          await tx
            .insertInto("email_outbox")
            .values({
              to_address: "backup@test.example",
              subject: "Backup test",
              body_text: "x",
              attempts: 0,
              last_error: null,
              next_attempt_at: stamp,
              sent_at: null,
              created_at: stamp,
              updated_at: stamp,
            })
            .execute();
        });
      let writing = true;
      let pairsWritten = 0;
      let pairsDuringBackup = 0;
      let backingUp = false;
      const writes = (async () => {
        while (writing) {
          await writePair(new Date().toISOString());
          pairsWritten += 1;
          if (backingUp) pairsDuringBackup += 1;
        }
      })();
      // Some writes land before the backup starts, so it copies a database that is changing.
      while (pairsWritten < 20) await new Promise((resolve) => setImmediate(resolve));

      const target = join(folder, "busy.dump");
      backingUp = true;
      const { code, output } = await printed(() => backup.run([target]));
      backingUp = false;
      writing = false;
      await writes;
      await writer.destroy();
      const after = await postgresRowCounts(live);

      expect(code, output).toBe(0);
      expect(pairsDuringBackup).toBeGreaterThan(0);
      const restored = await restoreIntoFreshDatabase(target);
      try {
        const copy = await postgresRowCounts(restored.url);
        const notificationsCopied = copy.notifications - before.notifications;
        const emailsCopied = copy.email_outbox - before.email_outbox;
        expect(notificationsCopied).toBe(emailsCopied);
        expect(notificationsCopied).toBeGreaterThanOrEqual(20);
        expect(copy.notifications).toBeLessThanOrEqual(after.notifications);
        expect(untouched(copy)).toEqual(untouched(after));
      } finally {
        await restored.drop();
      }
    },
    60_000,
  );

  it.skipIf(testDialect !== "postgres")(
    "on PostgreSQL never prints the password, and leaves no file behind when pg_dump fails",
    async () => {
      const live = new URL(process.env.DATABASE_URL!);
      live.password = "s3cret-Pa55";
      const previous = process.env.DATABASE_URL!;
      try {
        // The test server trusts local connections, so the password is carried and ignored.
        process.env.DATABASE_URL = live.toString();
        const good = await printed(() => backup.run([join(folder, "masked.dump")]));
        expect(good.code, good.output).toBe(0);
        expect(good.output).toContain(":***@");
        expect(good.output).not.toContain("s3cret-Pa55");

        // A database that does not exist: pg_dump fails, and says so without the password.
        const missing = new URL(live);
        missing.pathname = "/lcpf_no_such_database";
        process.env.DATABASE_URL = missing.toString();
        const target = join(folder, "missing.dump");
        const bad = await printed(() => backup.run([target]));
        expect(bad.code).toBe(1);
        expect(bad.output).toContain("lcpf_no_such_database");
        expect(bad.output).toContain(":***@");
        expect(bad.output).not.toContain("s3cret-Pa55");
        expect(existsSync(target)).toBe(false);
        expect(readdirSync(folder).filter((name) => name.includes(".partial-"))).toEqual([]);
      } finally {
        process.env.DATABASE_URL = previous;
      }
    },
  );

  it.skipIf(testDialect !== "postgres")("on PostgreSQL without pg_dump says how to install it, and fails", async () => {
    const empty = mkdtempSync(join(tmpdir(), "lcpf-no-pg-"));
    const previous = process.env.PG_BIN;
    process.env.PG_BIN = empty;
    try {
      const target = join(folder, "no-pg-dump.dump");
      const { code, output } = await printed(() => backup.run([target]));
      expect(code).toBe(1);
      expect(output).toContain("pg_dump is not installed");
      expect(output).toContain("apt-get install postgresql-client");
      expect(existsSync(target)).toBe(false);
    } finally {
      if (previous === undefined) delete process.env.PG_BIN;
      else process.env.PG_BIN = previous;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
