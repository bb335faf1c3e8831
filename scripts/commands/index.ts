import type { Command } from "./command";
import backup from "./backup";
import createAdmin from "./create-admin";
import importAllocations from "./import-allocations";
import inviteUsers from "./invite-users";
import remind from "./remind";

/** Every command of `npm run cli`, in the order `cli help` lists them. */
export const commands: readonly Command[] = [createAdmin, inviteUsers, importAllocations, backup, remind];
