// The command line for the jobs people script: `npm run cli -- <command> [args]`, and in production,
// compiled by scripts/build.mjs, `node build/node/cli.js <command> [args]`. `help` lists the commands.
import { commands } from "./commands/index";
import { dispatch } from "./commands/dispatch";

process.exit(await dispatch(process.argv.slice(2), commands));
