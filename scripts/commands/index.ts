import type { Command } from "./command";
import backup from "./backup";
import createAdmin from "./create-admin";
import inviteUsers from "./invite-users";
import remind from "./remind";

/** Every command of `npm run cli`, in the order `cli help` lists them. */
export const commands: readonly Command[] = [createAdmin, inviteUsers, backup, remind];
