import type { Command } from "./command";
import backup from "./backup";
import remind from "./remind";

/** Every command of `npm run cli`, in the order `cli help` lists them. */
export const commands: readonly Command[] = [backup, remind];
