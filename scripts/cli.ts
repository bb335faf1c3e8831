// The command line for the jobs people script: `npm run cli -- <command> [args]`, and in production,
// compiled by scripts/build.mjs, `node build/node/cli.js <command> [args]`. `help` lists the commands.
import { config } from "../app/config.server";
import { createDatabase, migrateToLatest } from "../db/connection";
import { seedReference } from "../seeds/seed";
import { commands } from "./commands/index";
import { dispatch } from "./commands/dispatch";

/** Migrations and reference data, as `npm start` applies them; both change nothing when already done. */
async function prepare(): Promise<void> {
  const setup = createDatabase(config.databaseUrl);
  try {
    await migrateToLatest(setup, seedReference);
  } finally {
    await setup.destroy();
  }
}

process.exit(await dispatch(process.argv.slice(2), commands, console, prepare));
