import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { checkImportFile, importCheckedRows } from "../../app/data/allocations.server";
import { db as portalDb } from "../../app/db.server";
import type { DB } from "../../db/connection";
import { EXIT, type Command } from "./command";

/**
 * `import-allocations --round <name or id> <file.csv> [--check]`: the portal's CSV import from the
 * command line, with the same checks. A file with any problem changes nothing, and every problem is
 * printed with its line. With --check, the file is only checked.
 */

const USAGE =
  'Usage: import-allocations --round <round name or id> <file.csv> [--check], for example import-allocations --round "London Crime Prevention Fund 2017-21" allocations.csv';

type Output = { log: (line: string) => void; error: (line: string) => void };

export async function importAllocationsFile(
  db: DB,
  args: readonly string[],
  out: Output = { log: (l) => console.log(l), error: (l) => console.error(l) },
): Promise<number> {
  const rest = [...args];
  const checkOnly = rest.includes("--check");
  const roundAt = rest.indexOf("--round");
  const roundText = roundAt === -1 ? undefined : rest[roundAt + 1];
  const file = rest.filter((arg, index) => !arg.startsWith("--") && index !== roundAt + 1)[0];
  if (!roundText || !file) {
    out.error(USAGE);
    return EXIT.usage;
  }
  const round = await db
    .selectFrom("funding_rounds")
    .select(["id", "name"])
    .where((eb) => (/^\d+$/.test(roundText) ? eb("id", "=", Number(roundText)) : eb("name", "=", roundText)))
    .executeTakeFirst();
  if (!round) {
    out.error(`No funding round is called “${roundText}”.`);
    return EXIT.failed;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    out.error(`Could not read ${file}: ${(error as Error).message}`);
    return EXIT.failed;
  }
  const checked = await checkImportFile(db, round.id, text);
  if (!checked.ok) {
    out.error(checked.message);
    return EXIT.failed;
  }
  const bad = checked.rows.filter((row) => row.problems.length > 0);
  if (bad.length > 0) {
    for (const row of bad) out.error(`Line ${row.line}: ${row.problems.join("; ")}`);
    out.error(`${bad.length} row${bad.length === 1 ? " has a problem" : "s have problems"}: nothing was imported.`);
    return EXIT.failed;
  }
  if (checkOnly) {
    out.log(
      `${basename(file)}: ${checked.rows.length} rows for ${round.name}, no problems. Nothing was imported (--check).`,
    );
    return EXIT.ok;
  }
  const outcome = await importCheckedRows(db, round.id, checked.rows, { userId: null, method: "command" });
  if (!outcome.ok) {
    out.error(outcome.message);
    return EXIT.failed;
  }
  const { created, changed, unchanged } = outcome.result;
  out.log(`${basename(file)} imported into ${round.name}: ${created} new, ${changed} changed, ${unchanged} unchanged.`);
  return EXIT.ok;
}

const importAllocations: Command = {
  name: "import-allocations",
  usesSchema: true,
  describe:
    "import-allocations --round <round name or id> <file.csv> [--check]: imports borough allocations for a round, as the admin page does; a file with any problem imports nothing (--check only checks it).",
  run: (args) => importAllocationsFile(portalDb(), args),
};

export default importAllocations;
