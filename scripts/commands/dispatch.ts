import type { Command } from "./command";
import { EXIT } from "./command";

export type Output = { log(message: string): void; error(message: string): void };

/** What `cli help` (or `cli` alone) prints: every command with what it does (its line names its arguments). */
export function helpText(commands: readonly Command[]): string {
  const lines = [...commands, { name: "help", describe: "help: lists these commands." }].map(
    (c) => `  ${c.describe.startsWith(c.name) ? c.describe : `${c.name}: ${c.describe}`}`,
  );
  return [
    "Usage: npm run cli -- <command> [arguments]",
    "   or, in production: node build/node/cli.js <command> [arguments]",
    "",
    "Commands:",
    ...lines,
  ].join("\n");
}

/** Runs the command the arguments name and answers with its exit code; help for none, 2 for one unknown. */
export async function dispatch(
  argv: readonly string[],
  commands: readonly Command[],
  out: Output = console,
  prepare: () => Promise<void> = async () => {},
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    out.log(helpText(commands));
    return EXIT.ok;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    out.error(`There is no command "${name}".\n\n${helpText(commands)}`);
    return EXIT.usage;
  }
  try {
    if (command.usesSchema) await prepare();
    return await command.run(args);
  } catch (error) {
    out.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failed;
  }
}
