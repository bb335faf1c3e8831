/**
 * One job of the command line (`npm run cli -- <name> [args]`, compiled `node build/node/cli.js`). It
 * prints what it did, or why it could not, and answers with the process's exit code: 0 done, 1 failed,
 * 2 wrong arguments.
 */
export type Command = {
  name: string;
  /** One line for `cli help`, starting with the name and its arguments: "backup <file>: ...". */
  describe: string;
  run(args: string[]): Promise<number>;
};

/** Exit codes the commands share. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
