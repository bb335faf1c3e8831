import createAdmin from "./create-admin";
import inviteUsers from "./invite-users";

/** The command line's commands (brief G's dispatcher lists these with its own). */
export const commands = [createAdmin, inviteUsers];
