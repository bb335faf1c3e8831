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
  /**
   * Works on the portal's tables, so the database is brought up to date first (migrations and the
   * reference data, as `npm start` does): then the first admin can be made before the portal has ever run.
   */
  usesSchema?: boolean;
};

/** Exit codes the commands share. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
