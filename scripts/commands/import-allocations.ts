import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { config } from "../../app/config.server";
import { checkImportFile, importCheckedRows } from "../../app/data/allocations.server";
import { createDatabase, type DB } from "../../db/connection";

/**
 * `import-allocations --round <name or id> <file.csv> [--check]`: the portal's CSV import from the
 * command line, with the same checks. A file with any problem changes nothing, and every problem is
 * printed with its line. With --check, the file is only checked.
 */

const USAGE = "Usage: import-allocations --round <round name or id> <file.csv> [--check]";

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
    return 2;
  }
  const round = await db
    .selectFrom("funding_rounds")
    .select(["id", "name"])
    .where((eb) => (/^\d+$/.test(roundText) ? eb("id", "=", Number(roundText)) : eb("name", "=", roundText)))
    .executeTakeFirst();
  if (!round) {
    out.error(`No funding round is called “${roundText}”.`);
    return 1;
  }
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    out.error(`Could not read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const checked = await checkImportFile(db, round.id, text);
  if (!checked.ok) {
    out.error(checked.message);
    return 1;
  }
  const bad = checked.rows.filter((row) => row.problems.length > 0);
  if (bad.length > 0) {
    for (const row of bad) out.error(`Line ${row.line}: ${row.problems.join("; ")}`);
    out.error(`${bad.length} row${bad.length === 1 ? " has a problem" : "s have problems"}: nothing was imported.`);
    return 1;
  }
  if (checkOnly) {
    out.log(
      `${basename(file)}: ${checked.rows.length} rows for ${round.name}, no problems. Nothing was imported (--check).`,
    );
    return 0;
  }
  const outcome = await importCheckedRows(db, round.id, checked.rows, { userId: null, method: "command" });
  if (!outcome.ok) {
    out.error(outcome.message);
    return 1;
  }
  const { created, changed, unchanged } = outcome.result;
  out.log(`${basename(file)} imported into ${round.name}: ${created} new, ${changed} changed, ${unchanged} unchanged.`);
  return 0;
}

export const importAllocations = {
  name: "import-allocations",
  describe:
    "Import borough allocations for a funding round from a CSV file (checked first; any problem imports nothing)",
  async run(args: string[]): Promise<number> {
    const db = createDatabase(config.databaseUrl);
    try {
      return await importAllocationsFile(db, args);
    } finally {
      await db.destroy();
    }
  },
};

export default importAllocations;

// Runnable on its own too (`npx tsx scripts/commands/import-allocations.ts --round ... file.csv`) until
// the portal's command line (scripts/cli.ts) lists it.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await importAllocations.run(process.argv.slice(2));
}
