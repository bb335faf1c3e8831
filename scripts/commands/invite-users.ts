import { readFile } from "node:fs/promises";
import { inviteUsers, organisationRefs } from "../../app/data/people.server";
import { db } from "../../app/db.server";
import { parseCsv } from "../../app/domain/csv";
import { checkInviteRows, INVITE_COLUMNS } from "../../app/domain/people";
import { EXIT, type Command } from "./command";

/** Longest file read: thousands of people, far more than the fund has. */
const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Invites everyone in a CSV file (email, name, organisation name or GSS code, role, may endorse), with
 * the same checks and code as the admin pages. Every row is checked first; a file with any problem
 * invites nobody and lists each problem with its line. Emails are queued, so the worker sends them.
 */
const inviteUsersCommand: Command = {
  name: "invite-users",
  usesSchema: true,
  describe: `invite-users <file.csv>: invites everyone in the file (columns: ${INVITE_COLUMNS.join(", ")}); a file with any problem invites nobody.`,
  async run(args) {
    const [file, ...rest] = args;
    if (!file || rest.length > 0) {
      console.error(`Usage: invite-users <file.csv>, whose first line is: ${INVITE_COLUMNS.join(",")}`);
      return EXIT.usage;
    }
    let text: string;
    try {
      const bytes = await readFile(file);
      if (bytes.length > MAX_FILE_BYTES) {
        console.error(`${file} is larger than 1 MB: split it into smaller files.`);
        return EXIT.failed;
      }
      text = bytes.toString("utf8");
    } catch (error) {
      console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return EXIT.failed;
    }
    const parsed = parseCsv(text);
    if (!parsed.ok) {
      console.error(`Line ${parsed.line} ${parsed.message}. Nobody was invited.`);
      return EXIT.failed;
    }
    const existing = await db().selectFrom("users").select("email").execute();
    const checked = checkInviteRows(
      parsed.records,
      await organisationRefs(db()),
      new Set(existing.map((u) => u.email)),
    );
    if (checked.headerProblem) {
      console.error(`${checked.headerProblem}. Nobody was invited.`);
      return EXIT.failed;
    }
    if (!checked.ok) {
      for (const row of checked.rows.filter((r) => r.problems.length > 0))
        console.error(`Line ${row.line}: ${row.problems.join("; ")}.`);
      console.error("Nobody was invited: correct these lines and run the command again.");
      return EXIT.failed;
    }
    const result = await inviteUsers(
      db(),
      checked.rows.map((r) => r.row!),
      null,
    );
    if (!result.ok) {
      console.error(`${result.email}: ${result.message}. Nobody was invited.`);
      return EXIT.failed;
    }
    console.log(
      `Invited ${result.invited.length} ${result.invited.length === 1 ? "person" : "people"}; their emails are queued.`,
    );
    return EXIT.ok;
  },
};

export default inviteUsersCommand;
