import { isMopacStaff } from "~/domain/access";
import { actorFromUser } from "~/domain/roles";
import { notAllowed, requireUser, type SessionUser } from "./guard.server";

/** London-wide figures (the decision table, London exports) are MOPAC's: reviewers and admins. */
export async function requireMopacStaff(request: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!isMopacStaff(actorFromUser(user))) throw notAllowed();
  return user;
}
